//! Where everything goes on screen. The geometry lives with the app, which needs it for
//! paging and hit-testing; drawing reads the same functions, so a click lands where a
//! thing is drawn.

pub use crate::app::geometry::*;

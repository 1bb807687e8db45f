//! Where a followed link came from: back and forward, as a browser goes.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jumps<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for Jumps<T> {
    fn default() -> Self {
        Self {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<T> Jumps<T> {
    /// Most places remembered; the oldest go first.
    const MOST: usize = 100;

    /// A new jump from `here`: what was ahead is forgotten.
    pub fn jump(&mut self, here: T) {
        self.forward.clear();
        self.back.push(here);
        if self.back.len() > Self::MOST {
            self.back.remove(0);
        }
    }

    /// The place before `here`, which becomes the way forward.
    pub fn back(&mut self, here: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// The place `back` left, with `here` the way back again.
    pub fn forward(&mut self, here: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_retrace_the_jumps() {
        let mut jumps = Jumps::default();
        jumps.jump("a");
        jumps.jump("b");
        assert_eq!(jumps.back("c"), Some("b"));
        assert_eq!(jumps.back("b"), Some("a"));
        assert_eq!(jumps.back("a"), None, "nothing before the first");
        assert_eq!(jumps.forward("a"), Some("b"));
        assert_eq!(jumps.forward("b"), Some("c"));
        assert_eq!(jumps.forward("c"), None, "nothing after the last");
    }

    #[test]
    fn a_new_jump_after_going_back_drops_what_was_ahead() {
        let mut jumps = Jumps::default();
        jumps.jump("a");
        jumps.jump("b");
        assert_eq!(jumps.back("c"), Some("b"));
        jumps.jump("b");
        assert!(!jumps.can_go_forward());
        assert_eq!(jumps.back("d"), Some("b"));
        assert_eq!(jumps.back("b"), Some("a"));
    }

    #[test]
    fn keeps_no_more_than_its_limit() {
        let mut jumps = Jumps::default();
        for n in 0..150 {
            jumps.jump(n);
        }
        let mut count = 0;
        let mut here = 150;
        while let Some(to) = jumps.back(here) {
            here = to;
            count += 1;
        }
        assert_eq!(count, 100);
        assert_eq!(here, 50, "the oldest were dropped");
    }
}

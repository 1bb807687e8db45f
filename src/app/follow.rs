//! Following a detail's links, and the jump list that goes back and forth along them.

use super::{App, Focus, Location, Pane, Reveal, Target};

impl App {
    pub(super) fn step_link(&mut self, step: isize) {
        let count = self.links().len();
        if count == 0 {
            self.status = Some("Nothing to follow in this detail".into());
            return;
        }
        let state = &mut self.panes[self.pane].state;
        state.link = Some(match state.link {
            Some(link) => (link as isize + step).rem_euclid(count as isize) as usize,
            None if step > 0 => 0,
            None => count - 1,
        });
        self.reveal = Some(Reveal::Link);
    }

    pub(super) fn follow_current_link(&mut self) {
        let links = self.links();
        match self.state(self.pane).link.and_then(|l| links.get(l)) {
            Some(&target) => self.follow(target),
            None if links.is_empty() => {
                self.status = Some("Nothing to follow in this detail".into());
            }
            None => self.status = Some("Tab picks a link, Enter follows it".into()),
        }
    }

    /// Opens a link's pane with its item selected, remembering where we were.
    pub fn follow(&mut self, target: Target) {
        let here = self.location();
        if self.go_to(target) {
            self.jumps.jump(here);
        }
    }

    pub(super) fn go_to(&mut self, target: Target) -> bool {
        let pane = target.pane();
        let position = match target {
            Target::Stance(s) => {
                self.show(pane);
                self.select_stance(s);
                return true;
            }
            Target::Topic(t) => {
                self.show(pane);
                self.panes[pane].state.column = t;
                self.remember_selection(pane);
                self.keep_in_view(pane);
                return true;
            }
            Target::Actor(i) | Target::Quote(i) | Target::Risk(i) | Target::Question(i) => {
                self.rows(pane).iter().position(|&item| item == i)
            }
        };
        let Some(position) = position else {
            let why = if pane == Pane::Risks && self.heat_filter.is_some() {
                "the heat map's cell filters it out (Esc on the map clears)"
            } else {
                "the search hides it (Esc clears)"
            };
            self.status = Some(format!(
                "That item is not on the {} pane: {why}",
                pane.title()
            ));
            return false;
        };
        self.show(pane);
        self.select(pane, position);
        true
    }

    pub(super) fn location(&self) -> Location {
        Location {
            pane: self.pane,
            focus: self.focus,
            state: self.state(self.pane).clone(),
        }
    }

    pub(super) fn restore(&mut self, location: Location) {
        let pane = location.pane;
        self.show(pane);
        self.panes[pane].state = location.state;
        // The rows may have changed since (a search, a reload): find the item again.
        self.refind(pane);
        self.keep_in_view(pane);
        if location.focus != Focus::Grid && self.selected_item(pane).is_some() {
            self.focus = location.focus;
        }
    }

    pub(super) fn jump_back(&mut self) {
        let here = self.location();
        match self.jumps.back(here) {
            Some(to) => self.restore(to),
            None => {
                self.status = Some("Nothing to go back to: Enter on a link jumps".into());
            }
        }
    }

    pub(super) fn jump_forward(&mut self) {
        let here = self.location();
        match self.jumps.forward(here) {
            Some(to) => self.restore(to),
            None => self.status = Some("Nothing ahead: ] goes forward after a back".into()),
        }
    }
}

//! When a watcher's next round comes and what it reads (native): the choices of
//! [`super::watch`], kept apart from its threads and its clock so that a test can play them.
//!
//! Timed rounds keep their pace from the start of one to the start of the next: a change saved
//! just after a round read the CMS waits for the next one, at most the polling interval, then
//! that round's own seconds; counted from the end of a round, every wait would add a round's
//! length. Notifications do not move the timed rounds, and a due one is never put off by
//! notifications that keep coming: it is what catches the ones that were lost.

use super::backoff;
use std::time::{Duration, Instant};
use veille::cms::import::Scope;

/// How often a watcher's timed rounds read the whole listing of the CMS's posts (the others read
/// the posts modified last, [`Scope::Recent`]): what those cannot tell (a post unpublished while
/// a scheduled one came out) is seen within the hour.
pub const WHOLE_LISTING_EVERY: Duration = Duration::from_secs(3600);

/// Why a round runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// The watcher's first round: what happened while it was down.
    Start,
    /// The timer.
    Timer,
    /// Notifications, with the posts they named (`None`: one of them named no post).
    Notified(Option<Vec<String>>),
}

/// The watcher's clock: when the next timed round is due, when the whole listing was last read,
/// how many rounds in a row failed.
#[derive(Debug, Clone)]
pub struct Schedule {
    poll: Duration,
    due: Instant,
    listed_whole: Option<Instant>,
    failures: u32,
}

impl Schedule {
    /// A watcher started at `now`, polling every `poll`: its first round is due at once.
    pub fn new(poll: Duration, now: Instant) -> Self {
        Schedule {
            poll,
            due: now,
            listed_whole: None,
            failures: 0,
        }
    }

    /// What a round for `cause`, started at `now`, reads: the posts notifications named; for a
    /// timed round the posts modified last, unless the whole listing is due; the whole listing
    /// for the first round, a notification that named no post, and any round after a failed one
    /// (what the failed round was told is not lost).
    pub fn scope<'a>(&self, cause: &'a Cause, now: Instant) -> Scope<'a> {
        let whole_due = self
            .listed_whole
            .is_none_or(|at| now.saturating_duration_since(at) >= WHOLE_LISTING_EVERY);
        match cause {
            _ if self.failures > 0 => Scope::Listing,
            Cause::Notified(Some(posts)) => Scope::Posts(posts),
            Cause::Timer if !whole_due => Scope::Recent,
            _ => Scope::Listing,
        }
    }

    /// Records a round that read `scope` for `cause` from `started` to `now`, and whether it
    /// succeeded: the next timed round is due one interval after this one started when this one
    /// was timed, sooner after a failure ([`backoff`]).
    pub fn done(
        &mut self,
        cause: &Cause,
        scope: Scope<'_>,
        started: Instant,
        ok: bool,
        now: Instant,
    ) {
        if !ok {
            self.failures += 1;
            self.due = now + backoff(self.failures, self.poll);
            return;
        }
        self.failures = 0;
        if matches!(scope, Scope::Listing) {
            self.listed_whole = Some(started);
        }
        if !matches!(cause, Cause::Notified(_)) {
            self.due = started + self.poll;
        }
    }

    /// How long to wait at `now` for a notification before the timed round; zero when it is due,
    /// and then it runs before any notification that waits.
    pub fn wait(&self, now: Instant) -> Duration {
        self.due.saturating_duration_since(now)
    }

    /// The rounds that failed in a row, the last one included.
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLL: Duration = Duration::from_secs(30);

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn kind(scope: Scope<'_>) -> String {
        match scope {
            Scope::Listing => "liste entière".into(),
            Scope::Recent => "modifiés en dernier".into(),
            Scope::Posts(posts) => posts.join(","),
        }
    }

    #[test]
    fn timed_rounds_keep_their_pace_from_one_start_to_the_next() {
        let t0 = Instant::now();
        let mut s = Schedule::new(POLL, t0);
        assert_eq!(s.wait(t0), Duration::ZERO, "the first round runs at once");
        assert_eq!(kind(s.scope(&Cause::Start, t0)), "liste entière");
        s.done(&Cause::Start, Scope::Listing, t0, true, t0 + secs(4));
        // A round of 4 s: the next starts 30 s after this one started, not 30 s after it ended.
        assert_eq!(s.wait(t0 + secs(4)), secs(26));
        let t1 = t0 + POLL;
        assert_eq!(kind(s.scope(&Cause::Timer, t1)), "modifiés en dernier");
        s.done(&Cause::Timer, Scope::Recent, t1, true, t1 + secs(5));
        assert_eq!(s.wait(t1 + secs(5)), secs(25));
        // A round longer than the interval: the next one at once.
        let t2 = t1 + POLL;
        s.done(&Cause::Timer, Scope::Recent, t2, true, t2 + secs(40));
        assert_eq!(s.wait(t2 + secs(40)), Duration::ZERO);
    }

    #[test]
    fn notifications_neither_delay_nor_starve_the_timed_round() {
        let t0 = Instant::now();
        let mut s = Schedule::new(POLL, t0);
        s.done(&Cause::Start, Scope::Listing, t0, true, t0 + secs(3));
        // A notification every 10 s: each round reads its posts, the timed round stays due at 30 s.
        let named = Cause::Notified(Some(vec!["12".into()]));
        for at in [10, 20] {
            let t = t0 + secs(at);
            assert_eq!(kind(s.scope(&named, t)), "12");
            s.done(&named, s.scope(&named, t), t, true, t + secs(1));
            assert_eq!(s.wait(t + secs(1)), secs(30 - at - 1));
        }
        assert_eq!(s.wait(t0 + secs(30)), Duration::ZERO);
        // A notification that names no post reads the whole listing.
        let unnamed = Cause::Notified(None);
        assert_eq!(kind(s.scope(&unnamed, t0 + secs(31))), "liste entière");
    }

    #[test]
    fn the_whole_listing_is_read_again_each_hour() {
        let t0 = Instant::now();
        let mut s = Schedule::new(POLL, t0);
        s.done(&Cause::Start, Scope::Listing, t0, true, t0 + secs(3));
        let before = t0 + WHOLE_LISTING_EVERY - secs(1);
        assert_eq!(kind(s.scope(&Cause::Timer, before)), "modifiés en dernier");
        s.done(&Cause::Timer, Scope::Recent, before, true, before + secs(1));
        let hour = t0 + WHOLE_LISTING_EVERY;
        assert_eq!(kind(s.scope(&Cause::Timer, hour)), "liste entière");
        s.done(&Cause::Timer, Scope::Listing, hour, true, hour + secs(9));
        let after = hour + POLL;
        assert_eq!(kind(s.scope(&Cause::Timer, after)), "modifiés en dernier");
    }

    #[test]
    fn after_a_failure_the_next_round_comes_sooner_and_reads_everything() {
        let t0 = Instant::now();
        let mut s = Schedule::new(POLL, t0);
        s.done(&Cause::Start, Scope::Listing, t0, true, t0 + secs(3));
        let t1 = t0 + POLL;
        s.done(&Cause::Timer, Scope::Recent, t1, false, t1 + secs(2));
        assert_eq!(s.failures(), 1);
        assert_eq!(s.wait(t1 + secs(2)), secs(5));
        let named = Cause::Notified(Some(vec!["12".into()]));
        // What a notification names is not enough after a failure: the whole listing.
        assert_eq!(kind(s.scope(&named, t1 + secs(3))), "liste entière");
        assert_eq!(kind(s.scope(&Cause::Timer, t1 + secs(7))), "liste entière");
        s.done(
            &Cause::Timer,
            Scope::Listing,
            t1 + secs(7),
            false,
            t1 + secs(8),
        );
        assert_eq!(s.wait(t1 + secs(8)), secs(10));
        let t2 = t1 + secs(18);
        s.done(&Cause::Timer, Scope::Listing, t2, true, t2 + secs(4));
        assert_eq!(s.failures(), 0);
        assert_eq!(s.wait(t2 + secs(4)), secs(26));
        assert_eq!(
            kind(s.scope(&Cause::Timer, t2 + POLL)),
            "modifiés en dernier"
        );
    }
}

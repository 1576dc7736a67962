//! When the crawler may send the next request to a host: the politeness schedule, as pure
//! time arithmetic. Core cannot read the clock, so every call takes `now`, the time since
//! the crawl started as the driver measures it; the driver sleeps until the instants this
//! hands back. The [`Crawler`](super::machine::Crawler) owns the schedule.
//!
//! Per host (name and port): at most `host_concurrency` requests in flight, and starts no
//! closer together than the interval (`1 / --rate`, or the site's `Crawl-delay` when that
//! is longer). A busy answer (429/503) pauses the whole host until its `Retry-After`.

use std::collections::HashMap;
use std::time::Duration;

use url::Url;

use super::robots_txt::crawl_delay;

/// How many times a 429/503 answer (or a refused connection) is retried.
pub const MAX_RETRIES: u32 = 3;
/// A `Retry-After` longer than this is not waited for: the answer is reported as it is.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);
/// The wait before retrying a refused connection (once).
pub const CONNECT_RETRY_WAIT: Duration = Duration::from_secs(1);

/// The schedule of every host met.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Interval between starts from `--rate`; zero for no limit.
    rate_interval: Duration,
    /// `--rate 0`: no limit, `Crawl-delay` ignored too (for sites you run).
    unlimited: bool,
    host_concurrency: usize,
    hosts: HashMap<String, Host>,
}

#[derive(Debug, Clone)]
struct Host {
    in_flight: usize,
    /// The earliest time the next request may start.
    next: Duration,
    interval: Duration,
}

/// Why a request cannot start yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The host has `host_concurrency` requests in flight: try again after one finishes.
    Full,
    /// The host's rate, `Crawl-delay` or `Retry-After` allows no start before this time.
    Until(Duration),
}

/// The key requests to one host share: its name and effective port.
pub fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

impl Schedule {
    /// `rate`: requests started per second per host (`0` or less: no limit).
    /// `host_concurrency`: requests in flight at once per host (at least 1).
    pub fn new(rate: f64, host_concurrency: usize) -> Self {
        let unlimited = !(rate.is_finite() && rate > 0.0);
        Schedule {
            rate_interval: if unlimited {
                Duration::ZERO
            } else {
                Duration::from_secs_f64(1.0 / rate)
            },
            unlimited,
            host_concurrency: host_concurrency.max(1),
            hosts: HashMap::new(),
        }
    }

    fn host(&mut self, key: &str, now: Duration) -> &mut Host {
        let interval = self.rate_interval;
        self.hosts.entry(key.to_string()).or_insert(Host {
            in_flight: 0,
            next: now,
            interval,
        })
    }

    /// Claims a start for a request to host `key` at `now`, or says why it must wait: a
    /// claimed start counts as in flight until [`Schedule::finish`].
    pub fn try_start(&mut self, key: &str, now: Duration) -> Result<(), Busy> {
        let cap = self.host_concurrency;
        let host = self.host(key, now);
        if host.in_flight >= cap {
            return Err(Busy::Full);
        }
        if host.next > now {
            return Err(Busy::Until(host.next));
        }
        host.in_flight += 1;
        host.next = now + host.interval;
        Ok(())
    }

    /// The earliest time a request to host `key` may start, judged at `now`; `None` while
    /// the host is at its concurrency cap (one of its requests must finish first).
    pub fn next_start(&self, key: &str, now: Duration) -> Option<Duration> {
        match self.hosts.get(key) {
            Some(host) if host.in_flight >= self.host_concurrency => None,
            Some(host) => Some(host.next.max(now)),
            None => Some(now),
        }
    }

    /// A request to host `key` is over (answered, failed or abandoned).
    pub fn finish(&mut self, key: &str) {
        if let Some(host) = self.hosts.get_mut(key) {
            host.in_flight = host.in_flight.saturating_sub(1);
        }
    }

    /// Holds every request to host `key` back until `until` (after a `Retry-After`).
    pub fn pause_until(&mut self, key: &str, until: Duration) {
        let host = self.host(key, until);
        host.next = host.next.max(until);
    }

    /// Slows host `key` down to a robots.txt `Crawl-delay` (capped, see
    /// [`crawl_delay`]), unless the crawl has no rate limit.
    pub fn apply_crawl_delay(&mut self, key: &str, seconds: f32, now: Duration) {
        if self.unlimited {
            return;
        }
        let Some(delay) = crawl_delay(seconds) else {
            return;
        };
        let host = self.host(key, now);
        host.interval = host.interval.max(delay);
    }

    /// Requests to host `key` in flight now.
    pub fn in_flight(&self, key: &str) -> usize {
        self.hosts.get(key).map_or(0, |h| h.in_flight)
    }
}

/// How long to wait before retrying a busy answer (429 or 503), `None` when it is not
/// retried: after [`MAX_RETRIES`] retries, or when the server asks for more than
/// [`MAX_RETRY_WAIT`]. Without `Retry-After`, waits back off 1, 2, 4 s.
pub fn busy_retry(attempt: u32, status: u16, retry_after: Option<Duration>) -> Option<Duration> {
    if !matches!(status, 429 | 503) || attempt >= MAX_RETRIES {
        return None;
    }
    let wait = retry_after.unwrap_or_else(|| Duration::from_secs(1 << attempt));
    (wait <= MAX_RETRY_WAIT).then_some(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    /// Starts a request at `now` or, if the host must wait, at the time it gives.
    fn start_at(s: &mut Schedule, key: &str, now: Duration) -> Duration {
        match s.try_start(key, now) {
            Ok(()) => now,
            Err(Busy::Until(at)) => {
                s.try_start(key, at).unwrap();
                at
            }
            Err(Busy::Full) => panic!("host full"),
        }
    }

    #[test]
    fn four_per_second_starts_requests_250_ms_apart() {
        let mut s = Schedule::new(4.0, 8);
        let starts: Vec<Duration> = (0..4)
            .map(|_| start_at(&mut s, "c.example:443", MS(0)))
            .collect();
        assert_eq!(starts, [MS(0), MS(250), MS(500), MS(750)]);
        assert_eq!(s.next_start("c.example:443", MS(0)), Some(MS(1000)));
        // Another host has its own schedule.
        assert_eq!(s.try_start("other.example:443", MS(0)), Ok(()));
        // A request asked for after a quiet spell starts at once.
        assert_eq!(s.try_start("c.example:443", MS(5000)), Ok(()));
    }

    #[test]
    fn no_rate_limit_and_no_crawl_delay_at_rate_zero() {
        let mut s = Schedule::new(0.0, 8);
        s.apply_crawl_delay("c.example:443", 5.0, MS(0));
        assert_eq!(s.try_start("c.example:443", MS(10)), Ok(()));
        assert_eq!(s.try_start("c.example:443", MS(10)), Ok(()));
    }

    #[test]
    fn crawl_delay_slows_the_host_only_when_longer_than_the_rate() {
        let mut s = Schedule::new(4.0, 8);
        s.apply_crawl_delay("c.example:443", 2.0, MS(0));
        s.apply_crawl_delay("fast.example:443", 0.1, MS(0));
        assert_eq!(start_at(&mut s, "c.example:443", MS(0)), MS(0));
        assert_eq!(start_at(&mut s, "c.example:443", MS(0)), MS(2000));
        assert_eq!(start_at(&mut s, "fast.example:443", MS(0)), MS(0));
        assert_eq!(start_at(&mut s, "fast.example:443", MS(0)), MS(250));
        // Capped at 30 s however long the site asks for.
        s.apply_crawl_delay("slow.example:443", 86_400.0, MS(0));
        start_at(&mut s, "slow.example:443", MS(0));
        assert_eq!(start_at(&mut s, "slow.example:443", MS(0)), MS(30_000));
    }

    #[test]
    fn host_concurrency_caps_requests_in_flight() {
        let mut s = Schedule::new(0.0, 2);
        assert!(s.try_start("c.example:443", MS(0)).is_ok());
        assert!(s.try_start("c.example:443", MS(0)).is_ok());
        assert_eq!(s.try_start("c.example:443", MS(0)), Err(Busy::Full));
        assert_eq!(s.next_start("c.example:443", MS(0)), None);
        assert_eq!(s.in_flight("c.example:443"), 2);
        s.finish("c.example:443");
        assert_eq!(s.try_start("c.example:443", MS(40)), Ok(()));
    }

    #[test]
    fn retry_after_pauses_the_whole_host() {
        let mut s = Schedule::new(0.0, 4);
        assert_eq!(s.try_start("c.example:443", MS(0)), Ok(()));
        s.finish("c.example:443");
        s.pause_until("c.example:443", MS(2000));
        assert_eq!(
            s.try_start("c.example:443", MS(100)),
            Err(Busy::Until(MS(2000)))
        );
        assert_eq!(s.next_start("c.example:443", MS(100)), Some(MS(2000)));
        assert_eq!(s.try_start("c.example:443", MS(2000)), Ok(()));
        assert_eq!(s.try_start("other.example:443", MS(100)), Ok(()));
    }

    #[test]
    fn busy_answers_are_retried_a_bounded_number_of_times() {
        let secs = Duration::from_secs;
        assert_eq!(busy_retry(0, 429, Some(secs(7))), Some(secs(7)));
        assert_eq!(busy_retry(0, 503, None), Some(secs(1)));
        assert_eq!(busy_retry(2, 503, None), Some(secs(4)));
        assert_eq!(busy_retry(3, 503, None), None);
        assert_eq!(busy_retry(0, 429, Some(secs(61))), None);
        assert_eq!(busy_retry(0, 500, None), None);
    }

    #[test]
    fn host_keys_use_the_effective_port() {
        let key = |s: &str| host_key(&Url::parse(s).unwrap());
        assert_eq!(key("https://c.example/a"), "c.example:443");
        assert_eq!(key("http://c.example:8080/"), "c.example:8080");
    }
}

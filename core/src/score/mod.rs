//! Scores: a page's accessibility score, a site's, task stars and the council scorecard line.
//! Beside the stages like [`crate::services`]; pure arithmetic over what the audit and the
//! services analysis found. Every number is explained in `docs/scoring.md`.

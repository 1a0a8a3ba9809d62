//! Prometheus metrics: what an operator watches (jobs done and failed, verifications,
//! epoch scores, how far the worker trails the chain).

use std::{
	collections::BTreeMap,
	fmt::Write,
	sync::{
		atomic::{AtomicU64, Ordering},
		Mutex,
	},
};

#[derive(Default)]
pub struct Metrics {
	pub jobs_done: AtomicU64,
	pub jobs_failed: AtomicU64,
	pub verifications: AtomicU64,
	pub transactions_failed: AtomicU64,
	pub finalized_block: AtomicU64,
	pub best_block: AtomicU64,
	/// A learner's remaining privacy budget, in millionths of epsilon.
	pub epsilon_remaining: AtomicU64,
	/// A learner's score of the experiment's head on its validation rows, in millionths.
	pub head_score_micros: AtomicU64,
	/// Per miner hotkey, the validator's moving-average score in millionths.
	pub scores: Mutex<BTreeMap<String, u64>>,
}

impl Metrics {
	pub fn inc(counter: &AtomicU64) {
		counter.fetch_add(1, Ordering::Relaxed);
	}

	/// The text exposition format.
	pub fn render(&self, role: &str) -> String {
		let mut out = String::new();
		let mut metric = |name: &str, help: &str, kind: &str, value: u64| {
			let _ = writeln!(out, "# HELP synod_worker_{name} {help}");
			let _ = writeln!(out, "# TYPE synod_worker_{name} {kind}");
			let _ = writeln!(out, "synod_worker_{name}{{role=\"{role}\"}} {value}");
		};
		let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
		metric("jobs_done_total", "Jobs computed and committed.", "counter", get(&self.jobs_done));
		metric(
			"jobs_failed_total",
			"Jobs that could not be computed.",
			"counter",
			get(&self.jobs_failed),
		);
		metric(
			"verifications_total",
			"Jobs re-executed and verified.",
			"counter",
			get(&self.verifications),
		);
		metric(
			"transactions_failed_total",
			"Transactions the chain refused.",
			"counter",
			get(&self.transactions_failed),
		);
		metric(
			"finalized_block",
			"The last finalized block seen.",
			"gauge",
			get(&self.finalized_block),
		);
		let lag = get(&self.best_block).saturating_sub(get(&self.finalized_block));
		metric(
			"chain_lag_blocks",
			"Best block minus the last finalized block handled.",
			"gauge",
			lag,
		);
		if role == "learner" {
			metric(
				"epsilon_remaining_micros",
				"What is left of the learner's privacy budget, in millionths of epsilon.",
				"gauge",
				get(&self.epsilon_remaining),
			);
			metric(
				"head_score_micros",
				"The head model's score on the learner's validation rows, in millionths.",
				"gauge",
				get(&self.head_score_micros),
			);
		}
		let scores = self.scores.lock().expect("not poisoned");
		if !scores.is_empty() {
			let _ = writeln!(
				out,
				"# HELP synod_worker_miner_score Moving-average score per miner (0..1)."
			);
			let _ = writeln!(out, "# TYPE synod_worker_miner_score gauge");
			for (miner, score) in scores.iter() {
				let _ = writeln!(
					out,
					"synod_worker_miner_score{{miner=\"{miner}\"}} {}",
					*score as f64 / 1e6
				);
			}
		}
		out
	}
}

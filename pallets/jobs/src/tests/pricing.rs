//! Jobs priced and bounded by what they cost before anyone runs them: poison specs refused at
//! posting, the subnet's compute and memory limits, the price per gigaflop.

use super::*;
use frame_support::{assert_noop, traits::ConstU32, BoundedVec};
use sp_runtime::Perbill;

fn post_spec(spec: JobSpec, bounty: u128) -> sp_runtime::DispatchResult {
	Jobs::post_job(RuntimeOrigin::signed(REQUESTER), 1, Box::new(spec), bounty, 2, deadlines(10))
}

fn settings(settings: synod_cost::Settings) -> BoundedVec<u8, ConstU32<1024>> {
	codec::Encode::encode(&settings).try_into().unwrap()
}

#[test]
fn poison_specs_are_refused_at_posting_and_change_nothing() {
	test(|| {
		let shape = |rows, features, outputs| InputShape { rows, features, outputs };
		let poisons = [
			// A tiny dataset claiming u32::MAX classes: a head of u32::MAX outputs.
			(shape(100, 4, u32::MAX), JobSpecError::BadShape),
			// A model claiming more features than any loader takes.
			(shape(1, synod_cost::MAX_FEATURES + 1, 3), JobSpecError::BadShape),
			// A gigabyte of dataset: more than any worker fetches.
			(shape(1 << 16, 1 << 12, 3), JobSpecError::BadShape),
			(shape(0, 4, 3), JobSpecError::BadShape),
			(shape(u32::MAX, u32::MAX, 3), JobSpecError::BadShape),
		];
		for (shape, reason) in poisons {
			let spec = JobSpec { shape, ..train_spec() };
			assert_noop!(post_spec(spec, BOUNTY), Error::<Test>::InvalidSpec { reason });
		}
		let unknown =
			JobSpec { architecture: b"transformer".to_vec().try_into().unwrap(), ..train_spec() };
		let reason = JobSpecError::UnknownArchitecture;
		assert_noop!(post_spec(unknown, BOUNTY), Error::<Test>::InvalidSpec { reason });
		let epochs = JobSpec {
			hyperparameters: settings(synod_cost::Settings {
				epochs: 100_000,
				..Default::default()
			}),
			..train_spec()
		};
		let reason = JobSpecError::BadSettings;
		assert_noop!(post_spec(epochs, BOUNTY), Error::<Test>::InvalidSpec { reason });
	});
}

#[test]
fn the_subnets_limits_bound_each_jobs_compute_and_memory() {
	test(|| {
		// Two layers of 4096 from 4096 features: 50 M parameters, and 4096
		// rows through them and twenty epochs: 17 teraflops, over the default limit of ten.
		let heavy = JobSpec {
			hyperparameters: settings(synod_cost::Settings {
				hidden: vec![4096, 4096],
				epochs: 20,
				..Default::default()
			}),
			shape: InputShape { rows: 4096, features: 4096, outputs: 2 },
			..train_spec()
		};
		let cost = heavy.cost().unwrap().unwrap();
		assert_noop!(post_spec(heavy.clone(), BOUNTY), Error::<Test>::OverComputeLimit);
		// Within the compute limit, a subnet that allows less memory than it needs.
		let max_memory_mib = cost.peak_mib() as u32;
		let policy = JobPolicy {
			spot_checks: 0,
			max_megaflops: cost.megaflops,
			max_memory_mib: max_memory_mib - 1,
			..Default::default()
		};
		set_job_policy(1, policy);
		assert_noop!(post_spec(heavy.clone(), BOUNTY), Error::<Test>::OverMemoryLimit);
		let policy = JobPolicy { max_memory_mib, ..policy };
		set_job_policy(1, policy);
		// Within the limits now, the job still pays for what it costs.
		let price = Jobs::price(&heavy, cost, &policy, 2);
		assert_eq!(price, PRICE_PER_GIGAFLOP * cost.gigaflops() as u128 * (2 + 3));
		assert_noop!(post_spec(heavy.clone(), price - 1), Error::<Test>::BountyBelowCost);
		assert_ok!(post_spec(heavy, price));
	});
}

#[test]
fn the_price_counts_every_computation_of_the_job() {
	test(|| {
		let spec = JobSpec {
			shape: InputShape { rows: 100_000, features: 64, outputs: 10 },
			..train_spec()
		};
		let cost = spec.cost().unwrap().unwrap();
		let verified = JobPolicy { spot_checks: 0, ..JobPolicy::default() };
		let price = Jobs::price(&spec, cost, &verified, 2);
		assert!(price > MIN_BOUNTY, "{price}: a job above the minimum is priced by its cost");
		// A subnet that verifies no job pays only its miners.
		let unverified = JobPolicy { verification_rate: Perbill::zero(), ..verified };
		assert_eq!(Jobs::price(&spec, cost, &unverified, 2) * 5, price * 2);
		// A spot-checked seat pays for the drawn segments and a disputed one, not the job:
		// 20 epochs of 3125 batches are 60 segments of at most 1042 batches, three of them.
		let spot_checked = JobPolicy { spot_checks: 2, ..verified };
		let spot_price = Jobs::price(&spec, cost, &spot_checked, 2);
		let seat = (cost.gigaflops() * 3 * 1042).div_ceil(20 * 3125) as u128;
		assert_eq!(spot_price, PRICE_PER_GIGAFLOP * (2 * cost.gigaflops() as u128 + 3 * seat));
		assert!(spot_price < price, "{spot_price} against {price}");
		assert_noop!(post_spec(spec.clone(), price - 1), Error::<Test>::BountyBelowCost);
		assert_ok!(post_spec(spec, price));
		// A statistics job costs nothing to the chain's model, and declares no shape.
		let statistics = JobSpec {
			kind: JobKind::FederatedStatistics { columns: 2 },
			inputs: Default::default(),
			shape: Default::default(),
			..train_spec()
		};
		assert_eq!(statistics.cost(), Ok(None));
	});
}

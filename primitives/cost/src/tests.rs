use super::*;
use codec::Encode;

fn settings(hidden: &[u32]) -> Settings {
	Settings {
		mode: Mode::Verifiable,
		epochs: 20,
		batch_size: 32,
		learning_rate_micros: 3000,
		hidden: hidden.to_vec(),
		image_side: 8,
	}
}

const DIGITS: Shape = Shape { rows: 1437, features: 64, outputs: 10 };

#[test]
fn an_mlp_counts_its_layers() {
	let layers = model::Layers::of(Family::Mlp, &settings(&[64]), 64, 10);
	assert_eq!(layers.parameters(), 64 * 64 + 64 + 64 * 10 + 10);
	assert_eq!(layers.forward_flops(), 2 * (64 * 64 + 64 * 10));
	assert_eq!(layers.tensors(), 4);
	// 20 epochs of 1437 rows: three passes each, and Adam on 45 steps per epoch.
	let cost = cost(Family::Mlp, &settings(&[64]), Work::Train, DIGITS).unwrap();
	let flops = 3 * 9472 * 1437 * 20 + 10 * 4810 * 20 * 45;
	assert_eq!(cost.megaflops, (flops as u64).div_ceil(1_000_000));
	assert!(cost.peak_mib() < 80, "{cost:?}");
}

#[test]
fn a_cnn_counts_its_convolutions() {
	let layers = model::Layers::of(Family::Cnn, &settings(&[]), 64, 10);
	assert_eq!(layers.parameters(), (9 * 8 + 8) + (9 * 8 * 16 + 16) + (16 * 16 * 10 + 10));
	assert_eq!(layers.forward_flops(), 2 * 9 * 8 * 64 + 2 * 9 * 8 * 16 * 64 + 2 * 16 * 16 * 10);
	let wrong_side = Shape { features: 63, ..DIGITS };
	assert_eq!(cost(Family::Cnn, &settings(&[]), Work::Train, wrong_side), Err(CostError::Shape));
}

#[test]
fn poison_shapes_are_priced_as_what_they_are() {
	// A 100-byte dataset claiming u32::MAX classes: as a declared shape it is refused, and
	// the largest class count allowed is priced by the head it needs.
	let poison = Shape { outputs: u32::MAX, ..DIGITS };
	assert_eq!(cost(Family::Mlp, &settings(&[64]), Work::Train, poison), Err(CostError::Shape));
	let widest = Shape { outputs: MAX_OUTPUTS / 16, ..DIGITS };
	let wide = cost(Family::Mlp, &settings(&[4096; 3]), Work::Train, widest).unwrap();
	let small = cost(Family::Mlp, &settings(&[64]), Work::Train, DIGITS).unwrap();
	assert!(wide.megaflops > 5_000 * small.megaflops, "{wide:?} against {small:?}");
	assert!(wide.peak_mib() > 1024, "{wide:?}");
	// A model claiming 2^20 features costs its 2^20 × 4096 first layer, 16 GiB: more than
	// any worker fetches, so no job.
	let features = Shape { rows: 1, features: MAX_FEATURES, outputs: 2 };
	let heavy = cost(Family::Mlp, &settings(&[4096]), Work::Infer, features);
	assert_eq!(heavy, Err(CostError::Shape));
	let layers = model::Layers::of(Family::Mlp, &settings(&[4096]), MAX_FEATURES, 2);
	assert!(memory::model_artifact_bytes(&layers) > 16 << 30);
	for bad in [
		Shape { rows: 0, ..DIGITS },
		Shape { features: 0, ..DIGITS },
		Shape { features: MAX_FEATURES + 1, rows: 1, outputs: 2 },
		Shape { rows: u32::MAX, features: 64, outputs: 2 },
		Shape { outputs: 1, ..DIGITS },
	] {
		assert_eq!(cost(Family::Mlp, &settings(&[]), Work::Train, bad), Err(CostError::Shape));
	}
	let regression = Family::Linear { classifies: false };
	assert_eq!(cost(regression, &settings(&[]), Work::Train, DIGITS), Err(CostError::Shape));
	assert!(cost(regression, &settings(&[]), Work::Train, Shape { outputs: 1, ..DIGITS }).is_ok());
}

#[test]
fn the_largest_settings_do_not_overflow() {
	let mut most = settings(&[4096; 8]);
	most.epochs = 1000;
	most.batch_size = 4096;
	// The arithmetic holds at the bounds even where the artifacts are too large to be a job.
	let shape = Shape { rows: 256, features: MAX_FEATURES, outputs: MAX_OUTPUTS };
	let layers = model::Layers::of(Family::Mlp, &most, shape.features, shape.outputs);
	assert!(layers.forward_flops() * 3 * 256 * 1000 < u64::MAX as u128 * 1_000_000);
	assert!(memory::peak_bytes(&layers, &most, Work::Train, shape) < u64::MAX as u128);
	assert_eq!(cost(Family::Mlp, &most, Work::Train, shape), Err(CostError::Shape));
	most.hidden = vec![4096; 2];
	let largest = Shape { rows: 60, features: 4096, outputs: MAX_OUTPUTS / 64 };
	let cost = cost(Family::Mlp, &most, Work::Train, largest).unwrap();
	assert!(cost.megaflops > 0 && cost.megaflops < u64::MAX);
	most.image_side = 256;
	most.hidden = vec![64, 64];
	let images = Shape { rows: 512, features: 256 * 256, outputs: 10 };
	let cnn = super::cost(Family::Cnn, &most, Work::Train, images).unwrap();
	assert!(cnn.megaflops > 0 && cnn.peak_bytes < u64::MAX);
	let larger = Shape { rows: 4096, ..images };
	assert_eq!(super::cost(Family::Cnn, &most, Work::Train, larger), Err(CostError::Shape));
	assert!(memory::peak_bytes(&layers, &most, Work::Infer, Shape { rows: 0, ..shape }) > 0);
}

#[test]
fn settings_travel_as_bytes_and_name_what_is_out_of_range() {
	let bytes = settings(&[128, 64]).encode();
	assert_eq!(Settings::decode(&bytes), Ok(settings(&[128, 64])));
	let mut trailing = bytes.clone();
	trailing.push(0);
	assert_eq!(Settings::decode(&trailing), Err(SettingsError::Undecodable));
	let zero = Settings { epochs: 0, ..settings(&[]) };
	assert!(matches!(
		Settings::decode(&zero.encode()),
		Err(SettingsError::OutOfRange { field: "epochs", value: 0, .. })
	));
	assert_eq!(job_cost(b"mlp", 1, &bytes, Work::Train, DIGITS).map(|c| c.megaflops > 0), Ok(true));
	assert_eq!(
		job_cost(b"mlp", 2, &bytes, Work::Train, DIGITS),
		Err(CostError::UnknownArchitecture)
	);
	assert_eq!(
		job_cost(b"transformer", 1, &bytes, Work::Train, DIGITS),
		Err(CostError::UnknownArchitecture)
	);
}

#[test]
fn artifact_sizes_bound_what_synod_ml_writes() {
	// The exact layout: 8 envelope, 4 features, compact(64 values) = 2, 256 value bytes,
	// 1 targets tag, 4 classes, compact(4 rows) = 1, 16 label bytes.
	let shape = Shape { rows: 4, features: 16, outputs: 3 };
	assert_eq!(memory::dataset_artifact_bytes(shape), 8 + 4 + 2 + 256 + 1 + 4 + 1 + 16);
	let layers = model::Layers::of(Family::Mlp, &settings(&[64]), 64, 10);
	assert!(memory::model_artifact_bytes(&layers) > 4 * 4810);
}

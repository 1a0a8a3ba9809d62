use super::*;
use sp_core::H256;

#[test]
fn the_commitment_is_blake2_256_of_the_documented_bytes() {
	let mut preimage = b"synod/colearn/vote/v1".to_vec();
	preimage.extend(0u32.to_le_bytes());
	preimage.extend(1u32.to_le_bytes());
	preimage.extend(12u64.to_le_bytes());
	preimage.push(1);
	preimage.extend((-20_000i64).to_le_bytes());
	preimage.extend([12u8; 32]);
	assert_eq!(preimage.len(), 21 + 4 + 4 + 8 + 1 + 8 + 32);
	let commitment = Colearn::vote_commitment(0, 1, &12, true, -20_000, &[12; 32]);
	assert_eq!(commitment, H256(sp_io::hashing::blake2_256(&preimage)));
	// From Python's hashlib.blake2b(preimage, digest_size=32): a client's view of the
	// layout, which no change to this crate can move along with it.
	assert_eq!(
		format!("{commitment:?}"),
		"0x00bd496af0198865def92ae2ae7afa09e3b4ce1c785b496a6b9dbf0fb2134131"
	);
}

#[test]
fn every_field_changes_the_commitment() {
	let base = Colearn::vote_commitment(0, 1, &12, true, 5, &[1; 32]);
	let others = [
		Colearn::vote_commitment(1, 1, &12, true, 5, &[1; 32]),
		Colearn::vote_commitment(0, 2, &12, true, 5, &[1; 32]),
		Colearn::vote_commitment(0, 1, &13, true, 5, &[1; 32]),
		Colearn::vote_commitment(0, 1, &12, false, 5, &[1; 32]),
		Colearn::vote_commitment(0, 1, &12, true, 6, &[1; 32]),
		Colearn::vote_commitment(0, 1, &12, true, 5, &[2; 32]),
	];
	for (field, other) in others.iter().enumerate() {
		assert_ne!(*other, base, "field {field} is not bound");
	}
}

#[test]
fn a_copied_commitment_and_a_replayed_reveal_pay_the_copier_nothing() {
	test(|| {
		let (proposer, voters) = three_learners(config());
		let (honest, copier) = (voters[0], voters[1]);
		let coldkey = |hotkey: u64| hotkey - 10;
		let before = [proposer, honest, copier].map(|h| Balances::balance(&coldkey(h)));
		assert_ok!(propose(proposer));
		run_to(5);
		assert_ok!(commit(honest, true, 20_000));
		// Commitments are public and opaque: the pallet cannot refuse a copied one.
		let (copied, _) = VoteCommits::<Test>::get(0, honest).expect("the honest vote committed");
		assert_ok!(Colearn::commit_vote(RuntimeOrigin::signed(copier), 0, 1, copied));
		run_to(8);
		assert_ok!(reveal(honest, true, 20_000));
		// The honest reveal's block publishes its vote and salt; replayed, they name the
		// wrong voter.
		assert_noop!(
			Colearn::reveal_vote(
				RuntimeOrigin::signed(copier),
				0,
				1,
				true,
				20_000,
				salt_of(honest)
			),
			Error::<Test>::CommitmentMismatch
		);
		run_to(11);
		assert_eq!(tallied(), (true, Some(20_000)));
		let entry = Lineage::<Test>::get(0, 1).expect("the proposal was accepted");
		assert_eq!(entry.votes.into_inner(), vec![(honest, Vote { approve: true, score: 20_000 })]);
		// The copier never revealed, so it is paid nothing: the voters' 30 goes to the one
		// that revealed and agreed.
		let gained = |i: usize, hotkey: u64| Balances::balance(&coldkey(hotkey)) - before[i];
		assert_eq!((gained(0, proposer), gained(1, honest), gained(2, copier)), (70, 30, 0));
		assert_eq!(experiment().pool, POOL - 100);
	});
}

#[test]
fn a_commitment_made_for_one_round_does_not_reveal_in_the_next() {
	test(|| {
		let (first, voters) = three_learners(config());
		assert_ok!(propose(first));
		run_to(5);
		for voter in &voters {
			assert_ok!(commit(*voter, true, 20_000));
		}
		let round_one: Vec<H256> =
			voters.iter().map(|v| VoteCommits::<Test>::get(0, v).unwrap().0).collect();
		run_to(8);
		for voter in &voters {
			assert_ok!(reveal(*voter, true, 20_000));
		}
		run_to(11);
		// Round 2 opened at the tally; its proposer is one of round 1's voters, never the
		// last proposer.
		let second = experiment().proposer.expect("a proposer for round 2");
		let (index, replayer) =
			voters.iter().copied().enumerate().find(|(_, v)| *v != second).unwrap();
		assert_eq!(experiment().round, 2);
		assert_ok!(propose(second));
		run_to(14);
		assert_ok!(Colearn::commit_vote(RuntimeOrigin::signed(replayer), 0, 2, round_one[index]));
		run_to(17);
		assert_noop!(
			Colearn::reveal_vote(
				RuntimeOrigin::signed(replayer),
				0,
				2,
				true,
				20_000,
				salt_of(replayer)
			),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn a_commitment_made_for_one_experiment_does_not_reveal_in_another() {
	test(|| {
		// Two experiments with learners of their own: a hotkey learns in one at a time.
		assert_ok!(create_with(config(), POOL));
		assert_ok!(create_with(config(), POOL));
		for (coldkey, stake, id) in [(1, 100, 0), (2, 200, 0), (3, 300, 1), (4, 400, 1)] {
			let hotkey = staked_learner(coldkey, stake);
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), id));
		}
		run_to(2);
		for id in [0, 1] {
			let proposer = Experiments::<Test>::get(id).unwrap().proposer.unwrap();
			assert_ok!(Colearn::propose(
				RuntimeOrigin::signed(proposer),
				id,
				1,
				UPDATE,
				uri("https://models.example/update"),
				INITIAL,
				None,
				Default::default(),
			));
		}
		run_to(5);
		let voter = [13, 14]
			.into_iter()
			.find(|l| Experiments::<Test>::get(1).unwrap().proposer != Some(*l))
			.unwrap();
		// What `voter` would commit in experiment 0, submitted in experiment 1; and, for
		// contrast, what it commits there properly is revealed there.
		let for_zero = Colearn::vote_commitment(0, 1, &voter, true, 20_000, &salt_of(voter));
		assert_ok!(Colearn::commit_vote(RuntimeOrigin::signed(voter), 1, 1, for_zero));
		run_to(8);
		let reveal_in_one = || {
			Colearn::reveal_vote(RuntimeOrigin::signed(voter), 1, 1, true, 20_000, salt_of(voter))
		};
		assert_noop!(reveal_in_one(), Error::<Test>::CommitmentMismatch);
		let (_, weight) = VoteCommits::<Test>::get(1, voter).unwrap();
		VoteCommits::<Test>::insert(
			1,
			voter,
			(Colearn::vote_commitment(1, 1, &voter, true, 20_000, &salt_of(voter)), weight),
		);
		assert_ok!(reveal_in_one());
	});
}

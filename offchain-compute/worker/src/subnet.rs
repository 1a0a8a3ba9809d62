//! Creating a subnet and setting what its owner may set, for demos and new operators.

use crate::chain::{Chain, Events};
use anyhow::{anyhow, bail, Result};
use subxt::{
	dynamic::{self, At, Value},
	ext::scale_value::{Composite, ValueDef},
};

/// Creates a subnet owned by the chain's signer (who pays its deposit); returns its netuid.
pub async fn create(chain: &Chain) -> Result<u16> {
	let events: Events = chain.submit("Subnets", "create_subnet", vec![]).await?;
	events
		.iter()
		.find(|(p, e, _)| p == "Subnets" && e == "SubnetCreated")
		.and_then(|(_, _, f)| f.at("netuid")?.as_u128())
		.map(|n| n as u16)
		.ok_or_else(|| anyhow!("create_subnet emitted no SubnetCreated"))
}

/// Sets the subnet's `tempo` (blocks between epochs), keeping every other hyperparameter:
/// reads them from storage as the runtime's own type and writes them back changed.
pub async fn set_tempo(chain: &Chain, netuid: u16, tempo: u16) -> Result<()> {
	let address = dynamic::storage::<(u16,), Value>("Subnets", "Hyperparameters");
	let at = chain.api().at_current_block().await?;
	let Some(current) = at.storage().try_fetch(address, (netuid,)).await? else {
		bail!("subnet {netuid} has no hyperparameters (does it exist?)");
	};
	let mut hyperparameters: Value = current.decode()?;
	let ValueDef::Composite(Composite::Named(fields)) = &mut hyperparameters.value else {
		bail!("unexpected hyperparameters shape: {hyperparameters:?}");
	};
	let field = fields
		.iter_mut()
		.find(|(name, _)| name == "tempo")
		.ok_or_else(|| anyhow!("the hyperparameters have no tempo"))?;
	field.1 = Value::u128(tempo.into());
	chain
		.submit("Subnets", "set_hyperparameters", vec![Value::u128(netuid.into()), hyperparameters])
		.await?;
	Ok(())
}

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

/// Sets some of the subnet's hyperparameters by name (`tempo`, `max_validators`, a job
/// policy's `jobs.spot_checks`, ...),
/// keeping every other: reads them from storage as the runtime's own type and writes them
/// back changed. Does nothing when `changes` is empty.
pub async fn set_hyperparameters(
	chain: &Chain,
	netuid: u16,
	changes: &[(&str, u128)],
) -> Result<()> {
	if changes.is_empty() {
		return Ok(());
	}
	let address = dynamic::storage::<(u16,), Value>("Subnets", "Hyperparameters");
	let at = chain.api().at_current_block().await?;
	let Some(current) = at.storage().try_fetch(address, (netuid,)).await? else {
		bail!("subnet {netuid} has no hyperparameters (does it exist?)");
	};
	let mut hyperparameters: Value = current.decode()?;
	let ValueDef::Composite(Composite::Named(fields)) = &mut hyperparameters.value else {
		bail!("unexpected hyperparameters shape: {hyperparameters:?}");
	};
	for (name, value) in changes {
		// `jobs.spot_checks` names a field of the nested job policy.
		let mut path = name.split('.');
		let mut field = field_of(fields, path.next().unwrap_or_default(), name)?;
		for part in path {
			let ValueDef::Composite(Composite::Named(inner)) = &mut field.value else {
				bail!("{name}: the subnet's hyperparameters nest nothing there");
			};
			field = field_of(inner, part, name)?;
		}
		*field = Value::u128(*value);
	}
	chain
		.submit("Subnets", "set_hyperparameters", vec![Value::u128(netuid.into()), hyperparameters])
		.await?;
	Ok(())
}

/// The field `part` of `fields`, for the change of `name`.
fn field_of<'a>(
	fields: &'a mut [(String, Value)],
	part: &str,
	name: &str,
) -> Result<&'a mut Value> {
	fields
		.iter_mut()
		.find(|(field, _)| field == part)
		.map(|(_, value)| value)
		.ok_or_else(|| anyhow!("the subnet's hyperparameters have no {name}"))
}

//! `synod-node`: the Synod chain's client.

mod chain_spec;
mod cli;
mod command;
mod dev_seal;
mod preflight;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}

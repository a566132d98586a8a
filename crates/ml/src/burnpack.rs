//! Weights in Burn's burnpack format, for both networks.

use burn::store::{BurnpackStore, ModuleSnapshot};

/// Loads `bytes` into a freshly built `model`.
pub(crate) fn load<M: ModuleSnapshot>(mut model: M, bytes: &[u8]) -> Result<M, String> {
    let mut store =
        BurnpackStore::from_bytes(Some(burn::tensor::Bytes::from_bytes_vec(bytes.to_vec())));
    model.load_from(&mut store).map_err(|e| format!("{e:?}"))?;
    Ok(model)
}

/// A model's weights as burnpack bytes.
pub(crate) fn save<M: ModuleSnapshot>(model: &M) -> anyhow::Result<Vec<u8>> {
    let mut store = BurnpackStore::from_bytes(None);
    model
        .save_into(&mut store)
        .map_err(|e| anyhow::anyhow!("saving the model: {e:?}"))?;
    Ok(store
        .get_bytes()
        .map_err(|e| anyhow::anyhow!("serializing the model: {e:?}"))?
        .to_vec())
}

//! The sleep-staging network (Burn, CPU `flex` backend): a small CNN turns each 30-second epoch
//! into features (in the spirit of TinySleepNet's representation learner), then a temporal
//! convolution across neighbouring epochs adds sequence context (±3 epochs, 3.5 minutes), as
//! human scorers use the epochs around the one they score.

use burn::{
    module::Module,
    nn::{
        Dropout, DropoutConfig, Linear, LinearConfig, PaddingConfig1d,
        conv::{Conv1d, Conv1dConfig},
        pool::{AdaptiveAvgPool1d, AdaptiveAvgPool1dConfig, MaxPool1d, MaxPool1dConfig},
    },
    tensor::{Device, Tensor, activation::relu},
};

use crate::signal::EPOCH_SAMPLES;

pub const CLASSES: usize = 5;
const FEATURES: usize = 64;
const CONTEXT: usize = 64;

#[derive(Module, Debug)]
pub struct SleepNet {
    conv1: Conv1d,
    pool1: MaxPool1d,
    conv2: Conv1d,
    pool2: MaxPool1d,
    conv3: Conv1d,
    pool3: AdaptiveAvgPool1d,
    embed: Linear,
    dropout: Dropout,
    context: Conv1d,
    head: Linear,
}

impl SleepNet {
    pub fn new(device: &Device) -> Self {
        Self {
            // 100 Hz input: a 0.5-s kernel, stride 60 ms.
            conv1: Conv1dConfig::new(1, 16, 50).with_stride(6).init(device),
            pool1: MaxPool1dConfig::new(4).init(),
            conv2: Conv1dConfig::new(16, 32, 8)
                .with_padding(PaddingConfig1d::Explicit(4, 3))
                .init(device),
            pool2: MaxPool1dConfig::new(4).init(),
            conv3: Conv1dConfig::new(32, 32, 8)
                .with_padding(PaddingConfig1d::Explicit(4, 3))
                .init(device),
            pool3: AdaptiveAvgPool1dConfig::new(4).init(),
            embed: LinearConfig::new(32 * 4, FEATURES).init(device),
            dropout: DropoutConfig::new(0.2).init(),
            context: Conv1dConfig::new(FEATURES, CONTEXT, 7)
                .with_padding(PaddingConfig1d::Explicit(3, 3))
                .init(device),
            head: LinearConfig::new(FEATURES + CONTEXT, CLASSES).init(device),
        }
    }

    /// Per-epoch features: `[n, 1, 3000]` → `[n, FEATURES]`.
    fn features(&self, x: Tensor<3>) -> Tensor<2> {
        let n = x.dims()[0];
        let x = self.pool1.forward(relu(self.conv1.forward(x)));
        let x = self.pool2.forward(relu(self.conv2.forward(x)));
        let x = self.pool3.forward(relu(self.conv3.forward(x)));
        let x = x.reshape([n, 32 * 4]);
        self.dropout.forward(relu(self.embed.forward(x)))
    }

    /// Logits for `sequences` runs of consecutive epochs of equal length, concatenated:
    /// `[sequences * len, 1, 3000]` → `[sequences * len, CLASSES]`.
    pub fn forward(&self, x: Tensor<3>, sequences: usize) -> Tensor<2> {
        let n = x.dims()[0];
        let len = n / sequences;
        let f = self.features(x);
        // [b*l, F] -> [b, F, l]: convolve along the epoch axis of each run.
        let seq = f
            .clone()
            .reshape([sequences, len, FEATURES])
            .swap_dims(1, 2);
        let ctx = relu(self.context.forward(seq))
            .swap_dims(1, 2)
            .reshape([n, CONTEXT]);
        self.head.forward(Tensor::cat(vec![f, ctx], 1))
    }
}

/// Epochs as a `[n, 1, 3000]` tensor.
pub fn batch(epochs: &[Vec<f32>], device: &Device) -> Tensor<3> {
    let n = epochs.len();
    let flat: Vec<f32> = epochs.iter().flatten().copied().collect();
    Tensor::<3>::from_data(
        burn::tensor::TensorData::new(flat, [n, 1, EPOCH_SAMPLES]),
        device,
    )
}

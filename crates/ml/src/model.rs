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
    // pool1 and pool2 document the architecture (and the ONNX export's MaxPool); the forward
    // pass computes the same pooling with `pool4`.
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

    /// The first convolution as windows times weights: the same arithmetic as `conv1`, but a
    /// single matrix product, which the CPU backend runs several times faster than its direct
    /// convolution with a 50-tap kernel.
    fn conv1_windows(&self, x: Tensor<3>) -> Tensor<3> {
        let n = x.dims()[0];
        let (taps, stride) = (self.conv1.kernel_size, self.conv1.stride);
        let out_len = (EPOCH_SAMPLES - taps) / stride + 1;
        let channels = self.conv1.weight.dims()[0];
        let w = self
            .conv1
            .weight
            .val()
            .reshape([channels, taps])
            .swap_dims(0, 1)
            .reshape([1, taps, channels]);
        let windows: Tensor<4> = x.unfold(2, taps, stride);
        let mut y = windows.reshape([n, out_len, taps]).matmul(w);
        if let Some(b) = &self.conv1.bias {
            y = y + b.val().reshape([1, 1, channels]);
        }
        y.swap_dims(1, 2)
    }

    /// Max pooling by 4 (stride 4, trailing remainder dropped, as `MaxPool1d` does), as a
    /// reshape and a max: faster on the CPU backend than the pooling kernel.
    fn pool4(x: Tensor<3>) -> Tensor<3> {
        let [n, c, len] = x.dims();
        let m = len / 4;
        x.narrow(2, 0, m * 4)
            .reshape([n, c, m, 4])
            .max_dim(3)
            .reshape([n, c, m])
    }

    /// Per-epoch features: `[n, 1, 3000]` → `[n, FEATURES]`.
    fn features(&self, x: Tensor<3>) -> Tensor<2> {
        let n = x.dims()[0];
        let x = Self::pool4(relu(self.conv1_windows(x)));
        let x = Self::pool4(relu(self.conv2.forward(x)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_first_layer_and_pooling_equal_the_reference_modules() {
        let device = Device::flex();
        let net = SleepNet::new(&device);
        let x = Tensor::<3>::random(
            [3, 1, EPOCH_SAMPLES],
            burn::tensor::Distribution::Default,
            &device,
        );
        let reference = net.pool1.forward(relu(net.conv1.forward(x.clone())));
        let fast = SleepNet::pool4(relu(net.conv1_windows(x)));
        assert_eq!(reference.dims(), fast.dims());
        let a = reference.into_data().try_to_vec::<f32>().unwrap();
        let b = fast.into_data().try_to_vec::<f32>().unwrap();
        let max = a
            .iter()
            .zip(&b)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        assert!(max < 1e-4, "{max}");
    }
}

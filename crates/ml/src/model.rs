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

use rayon::prelude::*;

use crate::signal::EPOCH_SAMPLES;

pub const CLASSES: usize = 5;
const FEATURES: usize = 64;
const CONTEXT: usize = 64;

#[derive(Module, Debug)]
pub struct SleepNet {
    // pool1 and pool2 document the architecture (and the ONNX export's MaxPool); the forward
    // pass computes the same pooling inside `conv_pool`. The tests check the fast forward
    // pass against one made of the modules themselves.
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

    /// Per-epoch features: `[n, 1, 3000]` → `[n, FEATURES]`. Activations are kept
    /// channels-last (`[n, len, channels]`) so that every convolution is one matrix product
    /// over a view (see [`conv_pool`]); pooling commutes with the bias and the ReLU, so both are
    /// applied after it, on a quarter of the values.
    fn features(&self, x: Tensor<3>, parts: usize) -> Tensor<2> {
        let n = x.dims()[0];
        if parts > 1 && n >= 2 * parts {
            // Epochs are independent here, so slices of the batch can go side by side: the
            // element-wise work and the copies between layers, one thread each in Burn-flex,
            // then use every core as the products already do.
            let size = n.div_ceil(parts);
            let slices: Vec<Tensor<2>> = (0..n.div_ceil(size))
                .into_par_iter()
                .map(|i| {
                    let len = size.min(n - i * size);
                    self.features(x.clone().narrow(0, i * size, len), 1)
                })
                .collect();
            return Tensor::cat(slices, 0);
        }
        // [n, 1, 3000] holds the same values as channels-last [n, 3000, 1].
        let x = x.reshape([n, EPOCH_SAMPLES, 1]);
        let x = conv_pool(&self.conv1, x, 4);
        let x = conv_pool(&self.conv2, x, 4);
        let x = conv_pool(&self.conv3, x, 1);
        let x = self.pool3.forward(x.swap_dims(1, 2));
        let x = x.reshape([n, 32 * 4]);
        self.dropout.forward(relu(self.embed.forward(x)))
    }

    /// Logits for `sequences` runs of consecutive epochs of equal length, concatenated:
    /// `[sequences * len, 1, 3000]` → `[sequences * len, CLASSES]`.
    pub fn forward(&self, x: Tensor<3>, sequences: usize) -> Tensor<2> {
        self.forward_in(x, sequences, 1)
    }

    /// [`Self::forward`] for inference: the per-epoch features of two halves of the batch are
    /// computed side by side. (Training keeps one graph, built in one order.)
    pub fn infer(&self, x: Tensor<3>, sequences: usize) -> Tensor<2> {
        self.forward_in(x, sequences, 2)
    }

    fn forward_in(&self, x: Tensor<3>, sequences: usize, parts: usize) -> Tensor<2> {
        let n = x.dims()[0];
        let len = n / sequences;
        let f = self.features(x, parts);
        // [b*l, F] is channels-last [b, l, F]: convolve along the epoch axis of each run.
        let seq = f.clone().reshape([sequences, len, FEATURES]);
        let ctx = conv_pool(&self.context, seq, 1).reshape([n, CONTEXT]);
        self.head.forward(Tensor::cat(vec![f, ctx], 1))
    }
}

/// A convolution followed by max pooling by `pool` (1: none; stride `pool`,
/// the remainder dropped, as `MaxPool1d` does), on channels-last activations: `[n, len, c_in]`
/// → `[n, outputs / pool, c_out]`, then the bias and a ReLU.
///
/// In this layout the `kernel × c_in` inputs of one output position are contiguous, so with
/// the examples flattened into one buffer the windows are a view with overlapping rows: the
/// convolution is a single matrix product with no im2col copy. The examples are padded to a
/// length that is a multiple of the row step, so every example has the same number of windows;
/// the few windows that straddle two examples are computed and dropped. Each of the `pool`
/// phases (outputs `pool·q + phase`) is its own product, so pooling is an element-wise maximum
/// of contiguous results; the bias and the ReLU, which commute with it, come after.
fn conv_pool(conv: &Conv1d, x: Tensor<3>, pool: usize) -> Tensor<3> {
    debug_assert!(conv.groups == 1 && conv.dilation == 1);
    let (before, after) = match conv.padding {
        PaddingConfig1d::Explicit(before, after) => (before, after),
        PaddingConfig1d::Valid => (0, 0),
        PaddingConfig1d::Same => unimplemented!("the network uses explicit padding"),
    };
    let [n, len, c_in] = x.dims();
    let [c_out, _, k] = conv.weight.dims();
    let stride = conv.stride;
    let kept = ((before + len + after - k) / stride + 1) / pool;
    let step = pool * stride;
    // Rows per example: the input with its padding, enough for the kept outputs, rounded up to
    // the step. Rows beyond the configured padding are zeros read only by dropped windows.
    let rows = (before + len)
        .max((kept * pool - 1) * stride + k)
        .div_ceil(step)
        * step;
    let windows = rows / step;
    let device = x.device();
    let x = pad_len(x, before, rows - before - len);
    // One buffer, with a tail so that the last example's dropped windows stay inside it.
    let flat = Tensor::cat(
        vec![
            x.reshape([n * rows * c_in]),
            Tensor::zeros([(step + k) * c_in], &device),
        ],
        0,
    );
    // weight[o, c, j] multiplies input row j, channel c: row j * c_in + c of the matrix.
    let w = conv
        .weight
        .val()
        .permute([2, 1, 0])
        .reshape([k * c_in, c_out]);
    let product = |phase: usize| -> Tensor<2> {
        let m: Tensor<2> = flat
            .clone()
            .narrow(0, phase * stride * c_in, (n * windows * step + k) * c_in)
            .unfold(0, k * c_in, step * c_in);
        m.narrow(0, 0, n * windows).matmul(w.clone())
    };
    // The phase products run side by side: gemm does not split a product with as few
    // columns as conv1's 16 across threads. They are combined in phase order, so the result
    // does not depend on scheduling.
    let ys: Vec<Tensor<2>> = (0..pool).into_par_iter().map(product).collect();
    let y = ys
        .into_iter()
        // max(a, b) = relu(a - b) + b: three in-place element-wise passes, against Burn-flex's
        // `max_pair` (a comparison, then `mask_where`), which took a fifth of the whole pass.
        .reduce(|a, b| relu(a - b.clone()) + b)
        .expect("pool >= 1");
    let y = match &conv.bias {
        Some(b) => y + b.val().reshape([1, c_out]),
        None => y,
    };
    relu(y).reshape([n, windows, c_out]).narrow(1, 0, kept)
}

/// Zero rows before and after along the length of `[n, len, c]`.
fn pad_len(x: Tensor<3>, before: usize, after: usize) -> Tensor<3> {
    if before + after == 0 {
        return x;
    }
    let [n, _, c] = x.dims();
    let device = x.device();
    let mut parts = Vec::with_capacity(3);
    if before > 0 {
        parts.push(Tensor::zeros([n, before, c], &device));
    }
    parts.push(x);
    if after > 0 {
        parts.push(Tensor::zeros([n, after, c], &device));
    }
    Tensor::cat(parts, 1)
}

/// Epochs as a `[n, 1, 3000]` tensor.
pub fn batch(epochs: &[Vec<f32>], device: &Device) -> Tensor<3> {
    let n = epochs.len();
    let flat: Vec<f32> = epochs.concat();
    Tensor::<3>::from_data(
        burn::tensor::TensorData::new(flat, [n, 1, EPOCH_SAMPLES]),
        device,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The network computed with Burn's own modules, channels-first, as it is defined.
    fn reference(net: &SleepNet, x: Tensor<3>, sequences: usize) -> Tensor<2> {
        let n = x.dims()[0];
        let f = net.pool1.forward(relu(net.conv1.forward(x)));
        let f = net.pool2.forward(relu(net.conv2.forward(f)));
        let f = net.pool3.forward(relu(net.conv3.forward(f)));
        let f = relu(net.embed.forward(f.reshape([n, 32 * 4])));
        let seq = f
            .clone()
            .reshape([sequences, n / sequences, FEATURES])
            .swap_dims(1, 2);
        let ctx = relu(net.context.forward(seq))
            .swap_dims(1, 2)
            .reshape([n, CONTEXT]);
        net.head.forward(Tensor::cat(vec![f, ctx], 1))
    }

    #[test]
    fn the_fast_forward_pass_equals_the_reference_modules() {
        let device = Device::flex();
        let net = SleepNet::new(&device);
        // Three runs of 5 epochs: the context convolution must not mix runs, and `infer` splits
        // the batch 8 + 7, across a run.
        let x = Tensor::<3>::random(
            [15, 1, EPOCH_SAMPLES],
            burn::tensor::Distribution::Normal(0.0, 1.0),
            &device,
        );
        let expected = reference(&net, x.clone(), 3);
        let a = expected.clone().into_data().try_to_vec::<f32>().unwrap();
        let scale = a.iter().fold(0f32, |m, v| m.max(v.abs()));
        for (name, fast) in [
            ("forward", net.forward(x.clone(), 3)),
            ("infer", net.infer(x, 3)),
        ] {
            assert_eq!(expected.dims(), fast.dims());
            let b = fast.into_data().try_to_vec::<f32>().unwrap();
            let max = a
                .iter()
                .zip(&b)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f32::max);
            assert!(max < 1e-4 * scale.max(1.0), "{name}: max difference {max}");
        }
        assert!(scale > 1e-3, "the logits are not all zero: {scale}");
    }
}

using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// A linear model collapsed into one affine map, y = W x + b: <see cref="OutputCount"/> outputs (classes or targets)
/// from <see cref="InputCount"/> inputs (bands). This is what a fitted PLS / PLS-DA model reduces to at inference,
/// and what model files and the ONNX export (a single Gemm: W, b) carry. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The same map is also held in centred form, y = W (x − c) + d with d = W c + b, where <see cref="Center"/> c is a
/// reference input (the training mean for a fitted PLS model, zero for a model built from W and b). Mathematically
/// the two forms are identical; numerically the centred one avoids the cancellation between W x and b that costs
/// digits when spectra sit far from zero, so <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/> and the
/// float line kernel (<see cref="Classification.AffineClassifier"/>) use it. Units: inputs in the units the model
/// was trained on (reflectance, hull quotient, …); outputs in target units (one-hot scores for PLS-DA).
/// </remarks>
public sealed class AffineModel
{
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly double[] _center;
    private readonly double[] _centerOutput;

    private AffineModel(double[] weights, int outputs, int inputs, double[] center, double[] centerOutput, double[] bias)
    {
        _weights = weights;
        OutputCount = outputs;
        InputCount = inputs;
        _center = center;
        _centerOutput = centerOutput;
        _bias = bias;
    }

    /// <summary>Gets the number of inputs per sample (bands).</summary>
    public int InputCount { get; }

    /// <summary>Gets the number of outputs per sample (classes for PLS-DA, targets for PLS regression).</summary>
    public int OutputCount { get; }

    /// <summary>Gets W, <see cref="OutputCount"/> × <see cref="InputCount"/>, row-major (row j = weights of output j).</summary>
    public ReadOnlyMatrixSpan<double> Weights => new(_weights, OutputCount, InputCount);

    /// <summary>Gets b (one per output): the output for the all-zero input.</summary>
    public ReadOnlySpan<double> Bias => _bias;

    /// <summary>Gets the centring reference c (one per input).</summary>
    public ReadOnlySpan<double> Center => _center;

    /// <summary>Gets d = W c + b, the output at <see cref="Center"/> (one per output).</summary>
    public ReadOnlySpan<double> CenterOutput => _centerOutput;

    /// <summary>Builds y = W x + b (centre zero).</summary>
    /// <param name="weights">W, outputs × inputs; finite.</param>
    /// <param name="bias">b, one per output (row of W); finite.</param>
    /// <returns>The model (copies of the arguments).</returns>
    /// <exception cref="ArgumentException">Lengths do not match, or a value is not finite.</exception>
    public static AffineModel Create(ReadOnlyMatrixSpan<double> weights, ReadOnlySpan<double> bias)
    {
        ThrowHelper.ThrowIfLengthMismatch(weights.Rows, bias.Length);
        ThrowHelper.ThrowIfNotFinite(weights.Span, nameof(weights));
        ThrowHelper.ThrowIfNotFinite(bias);
        return new AffineModel(weights.Span.ToArray(), weights.Rows, weights.Columns,
            new double[weights.Columns], bias.ToArray(), bias.ToArray());
    }

    /// <summary>Builds y = W (x − c) + d; the bias is b = d − W c.</summary>
    /// <param name="weights">W, outputs × inputs; finite.</param>
    /// <param name="center">c, one per input; finite.</param>
    /// <param name="centerOutput">d, one per output; finite.</param>
    /// <returns>The model (copies of the arguments).</returns>
    /// <exception cref="ArgumentException">Lengths do not match, or a value is not finite.</exception>
    public static AffineModel Create(ReadOnlyMatrixSpan<double> weights, ReadOnlySpan<double> center, ReadOnlySpan<double> centerOutput)
    {
        ThrowHelper.ThrowIfLengthMismatch(weights.Columns, center.Length);
        ThrowHelper.ThrowIfLengthMismatch(weights.Rows, centerOutput.Length);
        ThrowHelper.ThrowIfNotFinite(weights.Span, nameof(weights));
        ThrowHelper.ThrowIfNotFinite(center);
        ThrowHelper.ThrowIfNotFinite(centerOutput);
        return CreateCentered(weights.Span.ToArray(), weights.Rows, weights.Columns, center.ToArray(), centerOutput.ToArray());
    }

    /// <summary>Takes ownership of the arrays (no copy).</summary>
    internal static AffineModel CreateCentered(double[] weights, int outputs, int inputs, double[] center, double[] centerOutput)
    {
        var bias = new double[outputs];
        for (int j = 0; j < outputs; j++)
        {
            ReadOnlySpan<double> row = weights.AsSpan(j * inputs, inputs);
            double wc = 0;
            for (int i = 0; i < inputs; i++)
            {
                wc += row[i] * center[i];
            }

            bias[j] = centerOutput[j] - wc;
        }

        return new AffineModel(weights, outputs, inputs, center, centerOutput, bias);
    }

    /// <summary>Evaluates the map for one input in double precision (centred form).</summary>
    /// <param name="input"><see cref="InputCount"/> finite values.</param>
    /// <param name="output">Receives <see cref="OutputCount"/> values.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the input has a NaN or infinity.</exception>
    public void Evaluate(ReadOnlySpan<double> input, Span<double> output)
    {
        ThrowHelper.ThrowIfLengthMismatch(InputCount, input.Length);
        ThrowHelper.ThrowIfLengthMismatch(OutputCount, output.Length);
        ThrowHelper.ThrowIfNotFinite(input);
        EvaluateCore(input, output);
    }

    /// <summary>Evaluates the map for many inputs in double precision (centred form).</summary>
    /// <param name="inputs">Samples × <see cref="InputCount"/>, finite.</param>
    /// <param name="outputs">Samples × <see cref="OutputCount"/>.</param>
    /// <exception cref="ArgumentException">A shape is wrong, or an input has a NaN or infinity.</exception>
    public void Evaluate(ReadOnlyMatrixSpan<double> inputs, MatrixSpan<double> outputs)
    {
        ThrowHelper.ThrowIfLengthMismatch(InputCount, inputs.Columns, nameof(inputs));
        ThrowHelper.ThrowIfLengthMismatch(inputs.Rows, outputs.Rows, nameof(outputs));
        ThrowHelper.ThrowIfLengthMismatch(OutputCount, outputs.Columns, nameof(outputs));
        ThrowHelper.ThrowIfNotFinite(inputs.Span, nameof(inputs));
        for (int r = 0; r < inputs.Rows; r++)
        {
            EvaluateCore(inputs.Row(r), outputs.Row(r));
        }
    }

    private void EvaluateCore(ReadOnlySpan<double> input, Span<double> output)
    {
        for (int j = 0; j < OutputCount; j++)
        {
            ReadOnlySpan<double> row = _weights.AsSpan(j * InputCount, InputCount);
            double sum = 0;
            for (int i = 0; i < row.Length; i++)
            {
                sum += row[i] * (input[i] - _center[i]);
            }

            output[j] = sum + _centerOutput[j];
        }
    }
}

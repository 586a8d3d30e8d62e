using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// Settings of a PLS2 fit by NIPALS. The defaults are those of scikit-learn 1.2.1's <c>PLSRegression</c>
/// (2 components, scaling on, 500 power iterations, tolerance 1e-6); the line model of the methods brief uses 17
/// components (or the number chosen by <see cref="PlsDiscriminant.CrossValidate"/>).
/// </summary>
public sealed class PlsOptions
{
    private int _components = 2;
    private int _maxIterations = 500;
    private double _tolerance = 1e-6;

    /// <summary>Gets or sets the number of latent components A (≥ 1 and at most the number of features at fit time).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Components
    {
        get => _components;
        set
        {
            ThrowHelper.ThrowIfOutOfRange(value, 1, int.MaxValue);
            _components = value;
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether X and Y columns are divided by their sample standard deviation
    /// (ddof = 1; a zero deviation is replaced by 1) after centring. Centring is always done.
    /// </summary>
    public bool Scale { get; set; } = true;

    /// <summary>Gets or sets the maximum number of power-method iterations per component (≥ 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        set
        {
            ThrowHelper.ThrowIfOutOfRange(value, 1, int.MaxValue);
            _maxIterations = value;
        }
    }

    /// <summary>
    /// Gets or sets the convergence tolerance of the power method: iteration stops when the squared norm of the change
    /// of the unit x-weight vector is below this value (scikit-learn's <c>tol</c>; ≥ 0, finite).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        set
        {
            ThrowHelper.ThrowIfOutOfRange(value, 0, double.MaxValue);
            _tolerance = value;
        }
    }
}

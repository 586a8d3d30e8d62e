using System.Globalization;

namespace SortLine.Learning.Student;

/// <summary>
/// Settings of <see cref="StudentTrainer"/>: PLS-DA with the number of components chosen by stratified K-fold
/// cross-validation over 1 … <see cref="MaxComponents"/> (methods brief §4: 17 chosen in the document).
/// </summary>
/// <remarks>Every setter rejects a value outside its range with <see cref="ArgumentOutOfRangeException"/>.</remarks>
public sealed class StudentTrainerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SortLine:Learning:Student";

    private readonly int _maxComponents = 30;
    private readonly int? _components;
    private readonly int _foldCount = 5;
    private readonly double _minConfidence;
    private readonly EdgePairPolicy _edgePairs = EdgePairPolicy.Exclude;

    /// <summary>Gets A_max, the largest number of components cross-validated (≥ 1). Default 30. The trainer caps it at the
    /// number of bands and at (smallest CV training set − 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxComponents
    {
        get => _maxComponents;
        init => _maxComponents = AtLeast(value, 1, nameof(MaxComponents));
    }

    /// <summary>Gets a fixed number of components (≥ 1) that skips cross-validation, or <see langword="null"/> (default)
    /// to choose it by cross-validation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? Components
    {
        get => _components;
        init => _components = value is int v ? AtLeast(v, 1, nameof(Components)) : null;
    }

    /// <summary>Gets the number of cross-validation folds K (≥ 2). Default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int FoldCount
    {
        get => _foldCount;
        init => _foldCount = AtLeast(value, 2, nameof(FoldCount));
    }

    /// <summary>Gets the seed of the stratified fold assignment (<see cref="SortLine.Spectra.Regression.CrossValidationFolds.Stratified"/>). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Gets a value indicating whether X columns are standardised in the PLS fit (scikit-learn's <c>scale</c>). Default true.</summary>
    public bool Scale { get; init; } = true;

    /// <summary>Gets the least teacher confidence a pair needs to be trained on, in [0, 1]. Default 0 (all pairs).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double MinConfidence
    {
        get => _minConfidence;
        init
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(MinConfidence), value, "The confidence threshold must lie in [0, 1].");
            }

            _minConfidence = value;
        }
    }

    /// <summary>Gets what happens to edge pairs. Default <see cref="EdgePairPolicy.Exclude"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public EdgePairPolicy EdgePairs
    {
        get => _edgePairs;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(EdgePairs), value, "Not a defined edge-pair policy.");
            }

            _edgePairs = value;
        }
    }

    private static int AtLeast(int value, int min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min}."));
        }

        return value;
    }
}

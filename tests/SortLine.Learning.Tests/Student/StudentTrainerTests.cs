using SortLine.Learning.Pairing;
using SortLine.Learning.Student;
using SortLine.Sensors.Encoder;
using SortLine.Spectra;

namespace SortLine.Learning.Tests.Student;

public class StudentTrainerTests
{
    private const int Bands = 24;
    private static readonly string[] Classes = ["a", "b", "c"];

    /// <summary>Class k: a Gaussian absorption dip at band 4 + 7k on a flat continuum, plus noise.</summary>
    private static float[] Spectrum(int label, Random rng)
    {
        var s = new float[Bands];
        for (int b = 0; b < Bands; b++)
        {
            double t = (b - (4 + (7 * label))) / 2.0;
            s[b] = (float)(1.0 - (0.3 * Math.Exp(-0.5 * t * t)) + (0.02 * (rng.NextDouble() - 0.5)));
        }

        return s;
    }

    private static List<TrainingPair> Pairs(int count, int seed, double edgeShare = 0)
    {
        var rng = new Random(seed);
        var pairs = new List<TrainingPair>();
        for (int i = 0; i < count; i++)
        {
            int label = i % Classes.Length;
            bool edge = rng.NextDouble() < edgeShare;
            // Edge pairs carry a wrong teacher label: the spectrum is of the next class.
            float[] spectrum = Spectrum(edge ? (label + 1) % Classes.Length : label, rng);
            pairs.Add(new TrainingPair(spectrum, label, 0.9, [], new EncoderPosition(i), new EncoderPosition(i + 100), i, i % 40, edge, edge ? 0 : 1));
        }

        return pairs;
    }

    [Fact]
    public void Fit_CleanPairs_HeldOutAccuracyAbove99Percent()
    {
        StudentFit fit = StudentTrainer.Fit(Pairs(300, seed: 1), Classes, heldOut: Pairs(150, seed: 2));

        Assert.NotNull(fit.HeldOut);
        Assert.True(fit.HeldOut.Accuracy > 0.99, fit.HeldOut.ToString());
        Assert.Equal(300, fit.TrainingCount);
        Assert.InRange(fit.Components, 1, 30);
        Assert.Equal(Bands, fit.CrossValidationErrorRate.Count); // A_max = min(30, bands)
        Assert.Equal(3, fit.Model.OutputCount);
        Assert.Equal(Bands, fit.Model.InputCount);
    }

    [Fact]
    public void Fit_EdgePairsExcluded_CountedAndLeftOut()
    {
        List<TrainingPair> pairs = Pairs(300, seed: 3, edgeShare: 0.3);
        int edges = pairs.Count(p => p.IsEdge);

        StudentFit fit = StudentTrainer.Fit(pairs, Classes, new StudentTrainerOptions { Components = 3 }, heldOut: Pairs(150, seed: 4));

        Assert.Equal(edges, fit.ExcludedCount);
        Assert.Equal(300 - edges, fit.TrainingCount);
        Assert.Empty(fit.CrossValidationErrorRate);
        Assert.True(fit.HeldOut!.Accuracy > 0.99, fit.HeldOut.ToString());
    }

    [Fact]
    public void Fit_EdgePairsIncluded_TrainsOnAll()
    {
        List<TrainingPair> pairs = Pairs(300, seed: 5, edgeShare: 0.1);

        StudentFit fit = StudentTrainer.Fit(pairs, Classes, new StudentTrainerOptions { Components = 3, EdgePairs = EdgePairPolicy.Include });

        Assert.Equal(300, fit.TrainingCount);
        Assert.Equal(0, fit.ExcludedCount);
    }

    [Fact]
    public void Fit_LowConfidencePairsBelowThreshold_Excluded()
    {
        List<TrainingPair> pairs = Pairs(90, seed: 6);
        pairs[0] = pairs[0] with { Confidence = 0.1 };

        StudentFit fit = StudentTrainer.Fit(pairs, Classes, new StudentTrainerOptions { Components = 2, MinConfidence = 0.5 });

        Assert.Equal(1, fit.ExcludedCount);
    }

    [Fact]
    public void Fit_AllPairsExcluded_Throws()
    {
        List<TrainingPair> pairs = Pairs(10, seed: 7).Select(p => p with { IsEdge = true }).ToList();

        Assert.Throws<ArgumentException>(() => StudentTrainer.Fit(pairs, Classes));
    }

    [Fact]
    public void Fit_LabelOutOfRange_Throws()
    {
        List<TrainingPair> pairs = Pairs(30, seed: 8);
        pairs[3] = pairs[3] with { Label = 3 };

        Assert.Throws<ArgumentException>(() => StudentTrainer.Fit(pairs, Classes));
    }

    [Fact]
    public void Fit_OneClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => StudentTrainer.Fit(Pairs(30, seed: 9), ["only"]));
    }

    [Fact]
    public void Fit_MaxComponentsCappedBySamplesAndBands()
    {
        List<TrainingPair> pairs = Pairs(12, seed: 10);

        StudentFit fit = StudentTrainer.Fit(pairs, Classes, new StudentTrainerOptions { FoldCount = 3 });

        Assert.Equal(12 - 4 - 1, fit.CrossValidationErrorRate.Count); // smallest CV training set (8) − 1
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudentTrainerOptions { MaxComponents = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudentTrainerOptions { Components = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudentTrainerOptions { FoldCount = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudentTrainerOptions { MinConfidence = 2 });
    }
}

public class StudentEvaluationTests
{
    [Fact]
    public void Score_KnownPredictions_ConfusionAccuracyAndRecall()
    {
        StudentEvaluation e = StudentEvaluation.Score([0, 1, 1, 2, 0, 2], [0, 1, 2, 2, 1, 2], 3);

        Assert.Equal(6, e.Count);
        Assert.Equal(4, e.Correct);
        Assert.Equal(4.0 / 6, e.Accuracy, 12);
        Assert.Equal(new[] { 1, 0, 0, 1, 1, 0, 0, 1, 2 }, e.Confusion.Span.ToArray());
        Assert.Equal(1.0, e.Recall(0));
        Assert.Equal(0.5, e.Recall(1));
        Assert.Equal(2.0 / 3, e.Recall(2), 12);
    }

    [Fact]
    public void Score_ClassWithoutSamples_RecallNaN()
    {
        StudentEvaluation e = StudentEvaluation.Score([0, 0], [0, 0], 2);

        Assert.True(double.IsNaN(e.Recall(1)));
    }

    [Fact]
    public void Score_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => StudentEvaluation.Score([0, 3], [0, 1], 2));
    }
}

public class SwirPcaKMeansBaselineTests
{
    [Fact]
    public void MapClustersByMajority_KnownVotes_MajorityClassPerCluster()
    {
        int[] map = SwirPcaKMeansBaseline.MapClustersByMajority([0, 0, 0, 1, 1, 2], [2, 2, 1, 0, 0, 1], 4, 3);

        Assert.Equal([2, 0, 1, 0], map);
    }

    [Fact]
    public void Fit_TwoSeparatedGroups_ScoresPerfectly()
    {
        var rng = new Random(4);
        var x = new double[200 * 5];
        var labels = new int[200];
        for (int i = 0; i < 200; i++)
        {
            labels[i] = i % 2;
            for (int b = 0; b < 5; b++)
            {
                x[(i * 5) + b] = (labels[i] * 10 * (b + 1)) + rng.NextDouble();
            }
        }

        var baseline = SwirPcaKMeansBaseline.Fit(new ReadOnlyMatrixSpan<double>(x, 200, 5), 2);

        Assert.Equal(1.0, baseline.Score(new ReadOnlyMatrixSpan<double>(x, 200, 5), labels, 2).Accuracy);
        Assert.True(baseline.ExplainedVarianceRatio > 0.98);
    }
}

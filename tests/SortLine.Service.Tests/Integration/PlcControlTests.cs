using SortLine.Pipeline.Inference;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.OpcUa.Encoding;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Service.Line;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// The PLC controls the running service through a real OPC UA client session on its simulated line: every method and
/// configuration write has its real effect on the line. Each test leaves the line sorting with the default rules.
/// </summary>
[Collection(SimulatedLineGroup.Name)]
public sealed class PlcControlTests(PlcControlFixture line) : IClassFixture<PlcControlFixture>
{
    /// <summary>Two seconds of belt at the test's 0.25 m/s and 10,000 counts/m.</summary>
    private const long TwoSecondsOfBelt = 5_000;

    private const int Lepidolite = 1;
    private const int Albite = 2;

    [Fact]
    public async Task StopLine_ThenStartLine_NoDecisionWhileStoppedAndSortingResumesWithContinuousSequence()
    {
        Assert.Equal(StatusCode.Good, await line.CallAsync("StopLine"));
        long decisionsAtStop = line.Journal.DecisionCount;
        string stateWhileStopped = (string)(await line.ReadAsync("Line.State"))!;
        await line.WaitForBeltAsync(TwoSecondsOfBelt);
        long decisionsLater = line.Journal.DecisionCount;
        StatusCode stopAgain = await line.CallAsync("StopLine");

        Assert.Equal(StatusCode.Good, await line.CallAsync("StartLine"));
        StatusCode startAgain = await line.CallAsync("StartLine");
        await LineObservation.WaitForDecisionsAsync(line.Journal, decisionsAtStop + 30, PlcControlFixture.Bound);

        Assert.Equal("Stopped", stateWhileStopped);
        Assert.Equal(decisionsAtStop, decisionsLater);
        Assert.Equal(StatusCode.BadInvalidState, stopAgain);
        Assert.Equal(StatusCode.BadInvalidState, startAgain);
        Assert.Equal("Running", (string)(await line.ReadAsync("Line.State"))!);
        long[] sequences = [.. line.Journal.Commands().Select(c => c.Sequence)];
        Assert.All(sequences.Zip(sequences.Skip(1)), p => Assert.True(p.Second > p.First, $"command sequence {p.Second} after {p.First}"));
    }

    [Fact]
    public async Task StartStop_CalledConcurrently_ExactlyOneOfEachSucceeds()
    {
        StatusCode[] stops = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => line.Host.Get<LineControl>().StopAsync(CancellationToken.None))
            .Select(async t => global::SortLine.Service.Workers.PlcMethods.ToStatus(await t)));
        StatusCode[] starts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => line.Host.Get<LineControl>().StartAsync(CancellationToken.None))
            .Select(async t => global::SortLine.Service.Workers.PlcMethods.ToStatus(await t)));

        Assert.Equal(1, stops.Count(s => s == StatusCode.Good));
        Assert.Equal(1, starts.Count(s => s == StatusCode.Good));
        Assert.Equal("Running", (string)(await line.ReadAsync("Line.State"))!);
    }

    [Fact]
    public async Task WriteTargetClasses_Albite_LaterEjectionsOnlyOfAlbite()
    {
        try
        {
            Assert.Equal(StatusCode.Good, await line.WriteAsync("Line.Configuration.TargetClasses", Variant.FromArray(new[] { "albite" })));
            Assert.Equal([Albite], line.Host.Get<ParticleRulesSlot>().Current.TargetClasses);

            // Decisions already past the decider when the rules changed are recorded a little later: skip a margin.
            await LineObservation.WaitForDecisionsAsync(line.Journal, line.Journal.DecisionCount + 20, PlcControlFixture.Bound);
            long from = line.Journal.DecisionCount;
            await LineObservation.WaitForDecisionsAsync(line.Journal, from + 150, PlcControlFixture.Bound);
            List<ParticleDecision> ejected = [.. line.Journal.Decisions().TakeLast((int)(line.Journal.DecisionCount - from)).Where(d => d.Eject)];

            Assert.NotEmpty(ejected);
            Assert.All(ejected, d => Assert.Equal(Albite, d.Class));
            Assert.Equal(new[] { "albite" }, (string[])(await line.ReadAsync("Line.Configuration.TargetClasses"))!);
        }
        finally
        {
            await line.WriteAsync("Line.Configuration.TargetClasses", Variant.FromArray(new[] { "lepidolite" }));
        }
    }

    [Theory]
    [InlineData("Line.Configuration.TargetClasses", "background")]
    [InlineData("Line.Configuration.TargetClasses", "unknown")]
    [InlineData("Line.Configuration.TargetClasses", "")]
    [InlineData("Line.Configuration.EjectThreshold", 0.0)]
    [InlineData("Line.Configuration.EjectThreshold", 1.5)]
    [InlineData("Line.Configuration.MinParticlePixels", 0u)]
    [InlineData("Line.Configuration.MinParticlePixels", 1_000_001u)]
    public async Task WriteConfiguration_InvalidValue_BadOutOfRangeAndRulesUnchanged(string node, object value)
    {
        ParticleRules before = line.Host.Get<ParticleRulesSlot>().Current;
        Variant variant = value switch
        {
            "" => Variant.FromArray(Array.Empty<string>()),
            string name => Variant.FromArray(new[] { name }),
            double d => new Variant(d),
            _ => new Variant((uint)value),
        };

        StatusCode status = await line.WriteAsync(node, variant);

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Same(before, line.Host.Get<ParticleRulesSlot>().Current);
    }

    [Fact]
    public async Task WriteMinParticlePixelsAndThreshold_Valid_RulesFollow()
    {
        ParticleRules before = line.Host.Get<ParticleRulesSlot>().Current;
        try
        {
            Assert.Equal(StatusCode.Good, await line.WriteAsync("Line.Configuration.MinParticlePixels", new Variant(35u)));
            Assert.Equal(StatusCode.Good, await line.WriteAsync("Line.Configuration.EjectThreshold", new Variant(0.7)));

            ParticleRules after = line.Host.Get<ParticleRulesSlot>().Current;
            Assert.Equal((35, 0.7), (after.MinParticlePixels, after.TargetFractionThreshold));
        }
        finally
        {
            await line.WriteAsync("Line.Configuration.MinParticlePixels", new Variant((uint)before.MinParticlePixels));
            await line.WriteAsync("Line.Configuration.EjectThreshold", new Variant(before.TargetFractionThreshold));
        }
    }

    [Fact]
    public async Task CaptureDarkThenWhiteReference_WhileSorting_CalibrationVersionIncrementsAndSortingContinues()
    {
        CalibrationState calibration = line.Host.Get<CalibrationState>();
        long version = calibration.Version;

        StatusCode dark = await line.CallAsync("CaptureDarkReference", new Variant(16u));
        long afterDark = calibration.Version;
        StatusCode white = await line.CallAsync("CaptureWhiteReference", new Variant(16u));
        long afterWhite = calibration.Version;
        StatusCode outOfRange = await line.CallAsync("CaptureWhiteReference", new Variant(0u));
        long decisions = line.Journal.DecisionCount;
        await LineObservation.WaitForDecisionsAsync(line.Journal, decisions + 20, PlcControlFixture.Bound);

        Assert.Equal((StatusCode.Good, StatusCode.Good), (dark, white));
        Assert.Equal((version + 1, version + 2), (afterDark, afterWhite));
        Assert.Equal(StatusCode.BadInvalidArgument, outOfRange);
        Assert.Equal("Running", (string)(await line.ReadAsync("Line.State"))!);
    }

    [Fact]
    public async Task RollbackModel_RegisteredVersion_ModelVersionNodeChangesAndBack()
    {
        var registry = ModelRegistry.Open(line.ModelDirectory);
        string original = registry.Champion!.Version;
        StudentModel champion = registry.LoadModel(original);
        string earlier = "plc-rollback-" + Guid.NewGuid().ToString("N")[..8];
        registry.Register(new StudentModel(earlier, champion.CreatedUtc, null, champion.ClassNames, champion.Reject, champion.Bands,
            champion.Preprocessing, champion.Weights, champion.Bias, champion.Provenance), "test");

        StatusCode unknown = await line.CallAsync("RollbackModel", new Variant("no-such-version"));
        StatusCode rolled = await line.CallAsync("RollbackModel", new Variant(earlier));
        string? activeAfterRollback = line.Host.Get<ModelSlot>().Model?.Version;
        await LineObservation.WaitUntilAsync(async () => (string?)await line.ReadAsync("Line.ModelVersion") == earlier, PlcControlFixture.Bound, "ModelVersion " + earlier);
        StatusCode back = await line.CallAsync("RollbackModel", new Variant(original));

        Assert.Equal(StatusCode.BadNotFound, unknown);
        Assert.Equal((StatusCode.Good, StatusCode.Good), (rolled, back));
        Assert.Equal(earlier, activeAfterRollback);
        Assert.Equal(original, ModelRegistry.Open(line.ModelDirectory).Champion!.Version);
        await LineObservation.WaitUntilAsync(async () => (string?)await line.ReadAsync("Line.ModelVersion") == original, PlcControlFixture.Bound, "ModelVersion " + original);
    }

    [Fact]
    public async Task RequestRetrain_SessionRunning_Good()
    {
        StatusCode status = await line.CallAsync("RequestRetrain", new Variant("PLC test"));

        Assert.Equal(StatusCode.Good, status);
    }

    [Fact]
    public async Task ResetCounters_WhileStopped_CountersZeroThenGrowAfterStart()
    {
        Assert.Equal(StatusCode.Good, await line.CallAsync("StopLine"));
        try
        {
            Assert.Equal(StatusCode.Good, await line.CallAsync("ResetCounters"));
            ulong[] zeroed = await CountersAsync();

            Assert.All(zeroed, c => Assert.Equal(0UL, c));
        }
        finally
        {
            Assert.Equal(StatusCode.Good, await line.CallAsync("StartLine"));
        }

        await LineObservation.WaitUntilAsync(async () => (await CountersAsync()).Take(6).Sum(c => (decimal)c) > 0, PlcControlFixture.Bound, "particle counts after the reset");
        Assert.True(line.Journal.ParticleCount(Lepidolite) + line.Journal.ParticleCount(Albite) > 0); // the journal totals were never reset
    }

    /// <summary>ParticleCount per class, EjectionCount per class, DroppedLines, LateDecisions.</summary>
    private async Task<ulong[]> CountersAsync()
    {
        string[] classes = [.. line.Host.Get<global::SortLine.Service.Workers.OpcUaWorker>().ClassNames];
        var values = new List<ulong>();
        foreach (string c in classes)
        {
            values.Add((ulong)(await line.ReadAsync("Line.ParticleCount." + c))!);
        }

        foreach (string c in classes)
        {
            values.Add((ulong)(await line.ReadAsync("Line.EjectionCount." + c))!);
        }

        values.Add((ulong)(await line.ReadAsync("Line.DroppedLines"))!);
        values.Add((ulong)(await line.ReadAsync("Line.LateDecisions"))!);
        return [.. values];
    }
}

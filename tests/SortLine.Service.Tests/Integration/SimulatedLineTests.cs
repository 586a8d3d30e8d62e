using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SortLine.Service.Tests.Integration;

/// <summary>The whole service on the simulated line: sorting accuracy against ground truth, drops, valve windows, endpoints.</summary>
[Trait("Category", "Integration")]
[Collection(SimulatedLineGroup.Name)]
public sealed class SimulatedLineTests(SimulatedLineFixture line, ITestOutputHelper output) : IClassFixture<SimulatedLineFixture>
{
    [Fact]
    public void Decisions_PureParticles_MatchGroundTruthMainMineral()
    {
        SimulatedLineProvider provider = line.Host.Get<SimulatedLineProvider>();
        double countsPerMetre = line.Host.Get<IOptions<LineOptions>>().Value.EncoderCountsPerMeter;
        int matched = 0, correct = 0, pure = 0, unmatched = 0, mixedCorrect = 0, mixed = 0;
        foreach (ParticleDecision d in line.Journal.Decisions())
        {
            if (GroundTruth.Find(provider.Line, d, countsPerMetre) is not { } truth)
            {
                unmatched++;
                continue;
            }

            matched++;
            bool ok = truth.ClassId == d.Class;
            if (GroundTruth.IsPure(truth.Truth))
            {
                pure++;
                correct += ok ? 1 : 0;
            }
            else
            {
                mixed++;
                mixedCorrect += ok ? 1 : 0;
            }
        }

        double accuracy = (double)correct / pure;
        output.WriteLine($"decisions matched {matched} (unmatched {unmatched}); pure {pure}: accuracy {accuracy:P1}; mixed {mixed}: main mineral {(double)mixedCorrect / Math.Max(1, mixed):P1}");
        Assert.True(pure >= 100, $"only {pure} pure particles decided");
        Assert.True(accuracy >= 0.90, $"accuracy on pure particles {accuracy:P1} ({correct}/{pure})");
    }

    [Fact]
    public void Lines_AtConfiguredRate_AlmostNoneDroppedWhileSorting()
    {
        (long lines, long dropped, TimeSpan elapsed, string load) = line.SortingRun;
        output.WriteLine($"sorting: {lines} lines in {elapsed.TotalSeconds:F1} s ({lines / elapsed.TotalSeconds:F1} lines/s of 100 nominal), {dropped} dropped; since start {line.Journal.LinesDropped} of {line.Journal.LinesReceived} dropped (bootstrap included); load average {load}");
        // Steady state at the configured 100 lines/s, one window. The build machine is shared (2 cores): when other
        // processes starve it the camera edge drops the oldest lines rather than block the camera. Bound: 10 %.
        Assert.True(dropped <= lines / 10, $"{dropped} of {lines} lines dropped while sorting (more than 10 %)");
    }

    [Fact]
    public void Commands_EjectedParticles_WindowAtScanToValveDistance()
    {
        EjectionOptions ejection = line.Host.Get<IOptions<EjectionOptions>>().Value;
        double countsPerMm = line.Host.Get<IOptions<LineOptions>>().Value.EncoderCountsPerMeter / 1000.0;
        long distance = (long)Math.Round(ejection.ScanToValveDistanceMm * countsPerMm);
        long pre = (long)Math.Round(ejection.PreMarginMm * countsPerMm);
        // Valve latency compensation at the belt speed (0.25 m/s) plus one line of slack (2.5 mm).
        long slack = (long)Math.Ceiling((ejection.ValveLatency.TotalSeconds * 250.0 + 2.5) * countsPerMm);
        // A particle may get several commands (valve groups split by a neighbour's pulse); check their union.
        Dictionary<long, (int FirstValve, int LastValve, long Start, long End)> byParticle = line.Journal.Commands().GroupBy(c => c.ParticleId)
            .ToDictionary(g => g.Key, g => (g.Min(c => c.FirstValve), g.Max(c => c.LastValve), g.Min(c => c.Start.Counts), g.Max(c => c.End.Counts)));
        int checkedCount = 0, clamped = 0;
        foreach (ParticleDecision d in line.Journal.Decisions().Where(d => d.Eject && byParticle.ContainsKey(d.ParticleId)))
        {
            (int firstValve, int lastValve, long start, long end) = byParticle[d.ParticleId];
            long leadingAtValves = d.FirstEncoder.Counts + distance;
            long trailingAtValves = d.LastEncoder.Counts + distance;
            // A decision that reaches the scheduler late has its start clamped to the belt's position (still ejects the
            // rest of the particle): counted, bounded below.
            if (start > leadingAtValves)
            {
                clamped++;
            }
            else
            {
                Assert.InRange(start, leadingAtValves - pre - slack, leadingAtValves);
            }

            Assert.True(end >= trailingAtValves - slack, $"particle {d.ParticleId}: window ends at {end}, trailing edge reaches the valves at {trailingAtValves}");
            // The valves fired lie under the particle's pixel span across the belt.
            int leftValve = (int)((d.FirstColumn * ejection.PixelPitchMm + ejection.PixelOffsetMm) / ejection.ValvePitchMm);
            int rightValve = (int)((((d.LastColumn + 1) * ejection.PixelPitchMm) + ejection.PixelOffsetMm) / ejection.ValvePitchMm);
            Assert.True(firstValve >= leftValve && lastValve <= rightValve,
                $"particle {d.ParticleId}: valves {firstValve}-{lastValve} outside its span {leftValve}-{rightValve}");
            checkedCount++;
        }

        output.WriteLine($"{checkedCount} ejection windows checked ({clamped} started late); {line.Journal.CommandCount} commands");
        Assert.True(clamped <= checkedCount / 20, $"{clamped} of {checkedCount} windows start after the leading edge reaches the valves");
        Assert.True(checkedCount >= 20, $"only {checkedCount} ejected particles with their own command");
    }

    [Fact]
    public async Task Endpoints_Sorting_ReadyAndMetricsShowLinesDecisionsAndRate()
    {
        using var http = new HttpClient { BaseAddress = line.Host.BaseAddress };
        HttpResponseMessage ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        string metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(ExpositionText.Value(metrics, "sortline_swir_lines_received_total") > 1000);
        double particles = metrics.Split('\n').Where(l => l.StartsWith("sortline_pipeline_particles_total{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        Assert.True(particles >= SimulatedLineFixture.DecisionTarget);
        Assert.Equal(100.0, ExpositionText.Value(metrics, "sortline_swir_nominal_line_rate_hertz"));
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("sortline_sensor_state{", StringComparison.Ordinal) && l.Contains("sensor=\"swir\"", StringComparison.Ordinal) && l.Contains("state=\"running\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        double? latencySum = ExpositionText.Value(metrics, "sortline_pipeline_decision_latency_seconds_sum");
        double? latencyCount = ExpositionText.Value(metrics, "sortline_pipeline_decision_latency_seconds_count");
        double? inferenceSum = ExpositionText.Value(metrics, "sortline_pipeline_inference_duration_seconds_sum");
        double? inferenceCount = ExpositionText.Value(metrics, "sortline_pipeline_inference_duration_seconds_count");
        output.WriteLine($"decision latency mean {latencySum / latencyCount * 1000:F2} ms over {latencyCount}; inference mean {inferenceSum / inferenceCount * 1000:F3} ms per line");
        // Rates plausible against the configured line rate: throughput while sorting within [50 %, 120 %] of nominal.
        (long lines, _, TimeSpan elapsed, _) = line.SortingRun;
        Assert.InRange(lines / elapsed.TotalSeconds, 50, 120);
    }
}

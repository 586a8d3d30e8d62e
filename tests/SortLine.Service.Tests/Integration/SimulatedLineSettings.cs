namespace SortLine.Service.Tests.Integration;

/// <summary>Settings of the whole service on the embedded simulated line, scaled for a test run on a shared 2-core machine.</summary>
internal static class SimulatedLineSettings
{
    public static Dictionary<string, string?> Create(string decisionLog, long seed = 7) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SortLine:Sorting:Enabled"] = "true",
        ["SortLine:Sorting:DecisionLogPath"] = decisionLog,
        ["SortLine:Sorting:InformationCommands"] = "0",

        // The simulated camera renders belt-scene chunks in its read loop; with training beside it on the shared 2-core
        // test machine a chunk can hold the camera for over a second, which the production 1 s read timeout would report
        // as a hang. Tests that inject a stall set their own timeout.
        ["SortLine:Sorting:CameraReadTimeoutMilliseconds"] = "10000",
        ["SortLine:Simulator:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SortLine:Simulator:LineRateHz"] = "100",
        ["SortLine:Line:BeltSpeedMetersPerSecond"] = "0.25",
        ["SortLine:Line:LatencyBudgetMilliseconds"] = "300",
        ["SortLine:Learning:TeacherPoints"] = "300",
        ["SortLine:Learning:StudentPairs"] = "600",
        ["SortLine:Learning:MaxComponents"] = "12",
        ["SortLine:Learning:ModelDirectory"] = Path.Combine(Path.GetDirectoryName(decisionLog)!, "models"),
        ["SortLine:Learning:Retraining:TeacherBootstrapPoints"] = "300",
        ["SortLine:Learning:Retraining:MinPairs"] = "400",
        ["SortLine:Learning:Retraining:MaxComponents"] = "12",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };
}

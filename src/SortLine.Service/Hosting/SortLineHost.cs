using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Prometheus;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SortLine.OpcUa.Server;
using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Service.Health;
using SortLine.Service.Line;
using SortLine.Service.Workers;
using SortLine.Service.Options;
using SortLine.Service.Telemetry;
using SortLine.Telemetry;

namespace SortLine.Service.Hosting;

/// <summary>
/// The composition root: builds the Generic Host (Serilog, options, metrics, health, systemd) and runs it.
/// It only wires; behaviour lives in the registered services.
/// </summary>
internal static partial class SortLineHost
{
    /// <summary>Exit code for an invalid configuration (sysexits EX_CONFIG); the systemd unit does not restart on it.</summary>
    public const int ExitConfigurationError = 78;

    /// <summary>Exit code for any other start-up or run failure (systemd restarts with back-off).</summary>
    public const int ExitFailure = 1;

    /// <summary>Builds the host without starting it.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--SortLine:Metrics:Port=9181</c>).</param>
    /// <param name="contentRoot">Where appsettings*.json are read from; defaults to the binary's folder.</param>
    /// <param name="configure">Extra configuration applied last (tests add in-memory settings here).</param>
    /// <exception cref="InvalidOperationException">A configuration value cannot be converted to its option's type.</exception>
    public static WebApplication Build(string[] args, string? contentRoot = null, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        IServiceCollection services = builder.Services;

        services.AddSystemd();
        services.AddSerilog((sp, lc) => SerilogSettings.Apply(lc, builder.Configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("LineId", builder.Configuration[$"{LineOptions.SectionName}:{nameof(LineOptions.LineId)}"] ?? "line-1"),
            preserveStaticLogger: true);

        AddOptions(services);
        AddTelemetry(services);
        AddLine(services);

        // The only HTTP listener: metrics and probes. The OPC UA server has its own TCP listener.
        // Kestrel's options are built with the WebApplication, before ValidateOnStart runs, so they read the
        // section unvalidated: an invalid address or port is skipped here and stops the start in validation.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            kestrel.AddServerHeader = false;
            MetricsOptions m = configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
            if (IPAddress.TryParse(m.BindAddress, out IPAddress? address) && m.Port is >= 0 and <= 65535)
            {
                kestrel.Listen(address, m.Port);
            }
        });

        WebApplication app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Builds, validates, starts and runs the host until shutdown.</summary>
    /// <returns>0 after an orderly shutdown; <see cref="ExitConfigurationError"/> for invalid configuration; <see cref="ExitFailure"/> otherwise.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (InvalidOperationException ex)
        {
            // Serilog is not up yet: a bad value that cannot even be bound, or a broken Serilog section.
            await Console.Error.WriteLineAsync("SortLine: invalid configuration: " + ex.Message).ConfigureAwait(false);
            return ExitConfigurationError;
        }

        await using (app.ConfigureAwait(false))
        {
            ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SortLine.Service");
            LogStarting(logger, app.Environment.EnvironmentName, app.Environment.ContentRootPath, ServiceVersion);
            Dictionary<string, string?> effective = ConfigurationReport.Create(app.Configuration, "SortLine", "Serilog");
            LogConfiguration(logger, effective);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                LogInvalidConfiguration(logger, ex.Message);
                return ExitConfigurationError;
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
            {
                LogInvalidConfiguration(logger, ex.Message);
                return ExitConfigurationError;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                LogStartFailed(logger, ex);
                return ExitFailure;
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
            LogStopped(logger);
        }

        return 0;
    }

    /// <summary>Gets the service version (informational version of this assembly).</summary>
    public static string ServiceVersion { get; } =
        typeof(SortLineHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<LineOptions>()
            .BindConfiguration(LineOptions.SectionName)
            .PostConfigure(o =>
            {
                if (o.Classes.Count == 0)
                {
                    foreach (string c in LineOptions.DefaultClasses)
                    {
                        o.Classes.Add(c);
                    }
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineOptions>>(new SectionKeyValidator<LineOptions>(new LineOptionsValidator(), LineOptions.SectionName));
        services.AddSingleton<IValidateOptions<LineOptions>, LineOptionsRulesValidator>();

        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>>(new SectionKeyValidator<MetricsOptions>(new MetricsOptionsValidator(), MetricsOptions.SectionName));
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsRulesValidator>();

        AddSection(services, SimulatorOptions.SectionName, new SimulatorOptionsValidator());
        AddSection(services, SortingOptions.SectionName, new SortingOptionsValidator());
        services.AddSingleton<IValidateOptions<SortingOptions>, SortingOptionsRulesValidator>();
        AddSection(services, LearningOptions.SectionName, new LearningOptionsValidator());

        // The pipeline's own option classes, bound and validated here (the pipeline does not know the host).
        AddSection(services, ParticleOptions.SectionName, new ParticleOptionsValidator(), new ParticleOptionsConsistencyValidator());
        services.AddSingleton<IValidateOptions<ParticleOptions>>(sp => new PipelineClassesValidator(sp.GetRequiredService<IOptions<LineOptions>>()));
        AddSection(services, EjectionOptions.SectionName, new EjectionOptionsValidator(), new EjectionOptionsConsistencyValidator());
        AddSection(services, PipelineOptions.SectionName, new PipelineOptionsValidator());
        services.AddOptions<SortLine.Learning.Retraining.RetrainingOptions>().BindConfiguration(SortLine.Learning.Retraining.RetrainingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SortLine.Learning.Retraining.RetrainingOptions>, RetrainingOptionsValidator>();
        services.AddOptions<OpcUaServerOptions>().BindConfiguration(OpcUaServerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpcUaServerOptions>, OpcUaOptionsValidator>();
    }

    private static void AddLine(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatedLineProvider>();
        services.AddSingleton<CalibrationState>();
        services.AddSingleton(sp => ModelSlotFactory.Create(sp.GetRequiredService<CalibrationState>(), sp.GetRequiredService<IReadinessReporter>(),
            sp.GetRequiredService<ILearningTelemetry>()));
        services.AddSingleton<PairingHistory>();
        services.AddSingleton<DecisionJournal>();
        services.AddSingleton(sp => new LineStatus(sp.GetRequiredService<ILineTelemetry>(),
            sp.GetRequiredService<IOptions<SortingOptions>>().Value.Enabled ? LineState.Starting : LineState.Stopped));
        services.AddSingleton<LineControl>();
        services.AddSingleton(sp => PipelineClasses.Create(sp.GetRequiredService<IOptions<LineOptions>>().Value, sp.GetRequiredService<IOptions<ParticleOptions>>().Value));
        services.AddSingleton<RetrainingControl>();
        services.AddSingleton(sp => new ParticleRulesSlot(ParticleRules.Create(sp.GetRequiredService<IOptions<ParticleOptions>>().Value)));
        services.AddSingleton(sp =>
        {
            PipelineMetrics counters = sp.GetRequiredService<PipelineCounterAdapter>().Inner;
            return new PlcCounters(sp.GetRequiredService<DecisionJournal>(), () =>
                counters.Value(PipelineMetrics.ItemsDropped, SchedulingStage.StageName, DropReasons.Deadline)
                + counters.Value(PipelineMetrics.ItemsDropped, DecisionFanOut.StageName, DropReasons.Deadline), sp.GetRequiredService<PipelineClasses>().Names.Count);
        });
        services.AddSingleton<PipelineCounterAdapter>();
        services.AddSingleton<OpcUaDecisionSink>();
        services.AddSingleton<IDecisionSink>(sp => sp.GetRequiredService<OpcUaDecisionSink>());

        // Start order = registration order; stop order is the reverse: the OPC UA server starts first and stops
        // after the pipeline has drained.
        services.AddSingleton<OpcUaServerSampler>();
        services.AddSingleton<OpcUaWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OpcUaWorker>());
        services.AddHostedService<SortingWorker>();
        services.AddHostedService<LearningWorker>();
    }

    private static void AddSection<TOptions>(IServiceCollection services, string sectionName, IValidateOptions<TOptions> generated,
        IValidateOptions<TOptions>? rules = null)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionKeyValidator<TOptions>(generated, sectionName));
        if (rules is not null)
        {
            services.AddSingleton<IValidateOptions<TOptions>>(new SectionPrefixValidator<TOptions>(rules, sectionName));
        }
    }

    private static void AddTelemetry(IServiceCollection services)
    {
        services.AddSingleton(_ =>
        {
            // One registry per host (tests run several hosts in one process); process and runtime metrics included.
            CollectorRegistry registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton(sp =>
        {
            LineOptions line = sp.GetRequiredService<IOptions<LineOptions>>().Value;
            return new SortLineMetrics(sp.GetRequiredService<CollectorRegistry>(), line.LineId, [.. line.Classes],
                line.DecisionBudgetMilliseconds / 1000.0, ServiceVersion);
        });
        services.AddSingleton<IPipelineTelemetry>(sp => sp.GetRequiredService<SortLineMetrics>());
        services.AddSingleton<ISensorTelemetry>(sp => sp.GetRequiredService<SortLineMetrics>());
        services.AddSingleton<ILineTelemetry>(sp => sp.GetRequiredService<SortLineMetrics>());
        services.AddSingleton<ILearningTelemetry>(sp => sp.GetRequiredService<SortLineMetrics>());
        services.AddSingleton<IOpcUaTelemetry>(sp => sp.GetRequiredService<SortLineMetrics>());
        services.AddSingleton<ReadinessState>();
        services.AddSingleton<IReadinessReporter>(sp => sp.GetRequiredService<ReadinessState>());
        services.AddHostedService<TelemetryInitializer>();
        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("readiness", tags: [ReadinessHealthCheck.Tag]);
    }

    private static void MapEndpoints(WebApplication app)
    {
        // Paths are read unvalidated here (endpoints are mapped before the host starts); a bad value still
        // stops the start, in ValidateOnStart, with the key and the rule in the message.
        MetricsOptions paths = app.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        app.MapMetrics(paths.MetricsPath, app.Services.GetRequiredService<CollectorRegistry>());
        app.MapHealthChecks(paths.LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false, // liveness: the process answers; nothing else
        });
        app.MapHealthChecks(paths.ReadinessPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadinessHealthCheck.Tag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SortLine service {ServiceVersion} starting (environment {Environment}, content root {ContentRoot})")]
    private static partial void LogStarting(ILogger logger, string environment, string contentRoot, string serviceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Effective configuration (secrets redacted): {Configuration}")]
    private static partial void LogConfiguration(ILogger logger, Dictionary<string, string?> configuration);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Invalid configuration, not starting: {Problems}")]
    private static partial void LogInvalidConfiguration(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "SortLine service stopped")]
    private static partial void LogStopped(ILogger logger);
}

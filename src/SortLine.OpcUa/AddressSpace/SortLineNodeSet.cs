using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// The sorter's address space in namespace <c>urn:sortline</c>, built through <see cref="AddressSpaceBuilder"/>. The host
/// (the SortLine service) pushes status values through the <c>Set…</c> methods (or sets a variable's
/// <see cref="VariableNode.ValueSource"/> for values it wants polled, e.g. <see cref="EncoderPosition"/>), implements
/// the methods through <see cref="SortLineMethodHandlers"/>, reacts to accepted configuration writes through
/// <see cref="ConfigurationChanged"/>, and sends eject commands through <see cref="Decisions"/>.
/// </summary>
/// <remarks>
/// <code>
/// Objects/Line                                  (ns;s=Line)
///   State String · BeltSpeed Double m/s · EncoderPosition Int64 counts · LinesPerSecond Double 1/s ·
///   DroppedLines UInt64 · LateDecisions UInt64 · ModelVersion String · TeacherAgreement Double 0..1 ·
///   ClassNames String[] · ParticleCount/&lt;class&gt; UInt64 · EjectionCount/&lt;class&gt; UInt64
///   StartLine() · StopLine() · RequestRetrain(Reason) · RollbackModel(ModelVersion) ·
///   CaptureDarkReference(LineCount) · CaptureWhiteReference(LineCount) · ResetCounters()
///   Configuration: TargetClasses String[] · EjectThreshold Double 0..1 · MinParticlePixels UInt32   (writable)
///   Decisions: LastCommand EjectionCommand · PublishedCount UInt64 · DroppedCount UInt64
/// </code>
/// Instance NodeIds are strings (<c>Line.BeltSpeed</c>, <c>Line.ParticleCount.&lt;class&gt;</c>, <c>Line.Decisions.LastCommand</c>);
/// the EjectionCommand DataType is <c>i=3001</c> and its "Default Binary" encoding <c>i=3002</c> in the namespace. An
/// invalid configuration write is refused with Bad_OutOfRange (Bad_TypeMismatch for a wrong type) and changes nothing.
/// </remarks>
public sealed class SortLineNodeSet : IAsyncDisposable
{
    /// <summary>Numeric id of the EjectionCommand DataType in the sorter namespace.</summary>
    public const uint EjectionCommandDataTypeId = 3001;

    /// <summary>Numeric id of the EjectionCommand "Default Binary" encoding (the ExtensionObject TypeId).</summary>
    public const uint EjectionCommandEncodingId = 3002;

    private readonly SortLineNodeSetOptions _options;
    private readonly Dictionary<string, int> _classIndex;
    private readonly VariableNode[] _particleCounts;
    private readonly VariableNode[] _ejectionCounts;
    private readonly TimeProvider _time;
    private readonly Lock _configurationLock = new();
    private bool _hostUpdate; // guarded by _configurationLock: SetConfiguration is changing the variables
    private SortLineConfiguration _configuration;

    private SortLineNodeSet(AddressSpaceBuilder builder, SortLineNodeSetOptions options, SortLineMethodHandlers handlers, TimeProvider time, bool startPump)
    {
        _options = options;
        _time = time;
        _classIndex = options.ClassNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _configuration = options.InitialConfiguration;
        ushort ns = builder.RegisterNamespace(options.NamespaceUri);
        NamespaceIndex = ns;
        NodeId Id(string path) => NodeId.FromString(ns, path);

        ObjectNode line = builder.AddObject(ObjectIds.ObjectsFolder, Id("Line"), "Line");
        LineId = line.NodeId;
        State = Variable(builder, line, "Line.State", "State", DataTypeIds.String, new Variant(nameof(SortLineState.Stopped)), "Line state: Stopped, Starting, Running, Stopping, Calibrating or Faulted");
        BeltSpeed = Variable(builder, line, "Line.BeltSpeed", "BeltSpeed", DataTypeIds.Double, new Variant(0.0), "Belt speed, m/s");
        EncoderPosition = Variable(builder, line, "Line.EncoderPosition", "EncoderPosition", DataTypeIds.Int64, new Variant(0L), "Belt encoder position, counts");
        LinesPerSecond = Variable(builder, line, "Line.LinesPerSecond", "LinesPerSecond", DataTypeIds.Double, new Variant(0.0), "Camera lines processed per second, 1/s");
        DroppedLines = Variable(builder, line, "Line.DroppedLines", "DroppedLines", DataTypeIds.UInt64, new Variant(0UL), "Camera lines dropped since the last reset");
        LateDecisions = Variable(builder, line, "Line.LateDecisions", "LateDecisions", DataTypeIds.UInt64, new Variant(0UL), "Decisions dropped because their ejection deadline had passed");
        ModelVersion = Variable(builder, line, "Line.ModelVersion", "ModelVersion", DataTypeIds.String, new Variant(string.Empty), "Version of the classification model in use");
        TeacherAgreement = Variable(builder, line, "Line.TeacherAgreement", "TeacherAgreement", DataTypeIds.Double, new Variant(0.0), "Agreement of the student model with the teacher (LIBS), 0..1");
        ClassNames = Variable(builder, line, "Line.ClassNames", "ClassNames", DataTypeIds.String, Variant.FromArray(options.ClassNames.ToArray()), "Class names in class-index order", ValueRanks.OneDimension);

        ObjectNode particles = builder.AddFolder(line.NodeId, Id("Line.ParticleCount"), "ParticleCount");
        ObjectNode ejections = builder.AddFolder(line.NodeId, Id("Line.EjectionCount"), "EjectionCount");
        _particleCounts = [.. options.ClassNames.Select(c => Variable(builder, particles, "Line.ParticleCount." + c, c, DataTypeIds.UInt64, new Variant(0UL), "Particles of class " + c + " seen since the last reset"))];
        _ejectionCounts = [.. options.ClassNames.Select(c => Variable(builder, ejections, "Line.EjectionCount." + c, c, DataTypeIds.UInt64, new Variant(0UL), "Particles of class " + c + " ejected since the last reset"))];

        ObjectNode configuration = builder.AddObject(line.NodeId, Id("Line.Configuration"), "Configuration", referenceTypeId: ReferenceTypeIds.HasComponent);
        TargetClasses = Variable(builder, configuration, "Line.Configuration.TargetClasses", "TargetClasses", DataTypeIds.String, Variant.FromArray(_configuration.TargetClasses.ToArray()), "Classes to eject", ValueRanks.OneDimension, AccessLevels.CurrentReadOrWrite);
        EjectThreshold = Variable(builder, configuration, "Line.Configuration.EjectThreshold", "EjectThreshold", DataTypeIds.Double, new Variant(_configuration.EjectThreshold), "Minimum confidence for an eject, 0..1", access: AccessLevels.CurrentReadOrWrite);
        MinParticlePixels = Variable(builder, configuration, "Line.Configuration.MinParticlePixels", "MinParticlePixels", DataTypeIds.UInt32, new Variant(_configuration.MinParticlePixels), "Smallest particle considered, pixels", access: AccessLevels.CurrentReadOrWrite);
        TargetClasses.WriteValidator = (_, value) => ValidateWrite(_configuration with { TargetClasses = (string[])value.Value! });
        EjectThreshold.WriteValidator = (_, value) => ValidateWrite(_configuration with { EjectThreshold = (double)value.Value! });
        MinParticlePixels.WriteValidator = (_, value) => ValidateWrite(_configuration with { MinParticlePixels = (uint)value.Value! });
        TargetClasses.ValueChanged += OnConfigurationVariableChanged;
        EjectThreshold.ValueChanged += OnConfigurationVariableChanged;
        MinParticlePixels.ValueChanged += OnConfigurationVariableChanged;

        AddMethods(builder, line, handlers);

        ObjectNode decisions = builder.AddObject(line.NodeId, Id("Line.Decisions"), "Decisions", referenceTypeId: ReferenceTypeIds.HasComponent);
        var dataTypeId = new NodeId(EjectionCommandDataTypeId, ns);
        EncodingId = new NodeId(EjectionCommandEncodingId, ns);
        builder.AddStructureDataType(dataTypeId, "EjectionCommand", EncodingId,
        [
            new StructureFieldDefinition("SequenceNumber", DataTypeIds.UInt64, "Increases by 1 per decision; a gap is a missed decision"),
            new StructureFieldDefinition("FirstValve", DataTypeIds.UInt16, "First valve of the eject window, 0-based"),
            new StructureFieldDefinition("LastValve", DataTypeIds.UInt16, "Last valve, inclusive"),
            new StructureFieldDefinition("EncoderStart", DataTypeIds.Int64, "Encoder count at which the valves open"),
            new StructureFieldDefinition("EncoderEnd", DataTypeIds.Int64, "Encoder count at which they close"),
            new StructureFieldDefinition("ClassIndex", DataTypeIds.UInt16, "Index into Line/ClassNames"),
            new StructureFieldDefinition("Confidence", DataTypeIds.Double, "Classifier confidence, 0..1"),
        ]);
        LastCommand = Variable(builder, decisions, "Line.Decisions.LastCommand", "LastCommand", dataTypeId, Variant.Null,
            "The latest eject command; subscribe with sampling interval 0 and a queue of at least 1,000 to get every command");
        VariableNode published = Variable(builder, decisions, "Line.Decisions.PublishedCount", "PublishedCount", DataTypeIds.UInt64, new Variant(0UL), "Commands published");
        VariableNode dropped = Variable(builder, decisions, "Line.Decisions.DroppedCount", "DroppedCount", DataTypeIds.UInt64, new Variant(0UL), "Commands dropped before publication (queue full)");
        Decisions = new DecisionPublisher(LastCommand, published, dropped, EncodingId, options.DecisionQueueCapacity, time, startPump);
    }

    /// <summary>Raised after a client's accepted configuration write or <see cref="SetConfiguration"/>, on that caller's thread.</summary>
    public event EventHandler<SortLineConfigurationChangedEventArgs>? ConfigurationChanged;

    /// <summary>Raised after a client's call of a sorter method ran its host handler (not for calls refused by the input checks), on the calling thread.</summary>
    public event EventHandler<SortLineMethodCalledEventArgs>? MethodCalled;

    /// <summary>Index of the sorter namespace.</summary>
    public ushort NamespaceIndex { get; }

    /// <summary>The Line object (the ObjectId for method calls).</summary>
    public NodeId LineId { get; }

    /// <summary>The EjectionCommand binary encoding id (TypeId of LastCommand's ExtensionObjects).</summary>
    public NodeId EncodingId { get; }

    /// <summary>The classes, in class-index order.</summary>
    public IReadOnlyList<string> Classes => _options.ClassNames;

    /// <summary>Line/State.</summary>
    public VariableNode State { get; }

    /// <summary>Line/BeltSpeed, m/s.</summary>
    public VariableNode BeltSpeed { get; }

    /// <summary>Line/EncoderPosition, counts (a candidate for a <see cref="VariableNode.ValueSource"/>: clients then sample it on a timer).</summary>
    public VariableNode EncoderPosition { get; }

    /// <summary>Line/LinesPerSecond, 1/s.</summary>
    public VariableNode LinesPerSecond { get; }

    /// <summary>Line/DroppedLines.</summary>
    public VariableNode DroppedLines { get; }

    /// <summary>Line/LateDecisions.</summary>
    public VariableNode LateDecisions { get; }

    /// <summary>Line/ModelVersion.</summary>
    public VariableNode ModelVersion { get; }

    /// <summary>Line/TeacherAgreement, 0..1.</summary>
    public VariableNode TeacherAgreement { get; }

    /// <summary>Line/ClassNames.</summary>
    public VariableNode ClassNames { get; }

    /// <summary>Line/Configuration/TargetClasses.</summary>
    public VariableNode TargetClasses { get; }

    /// <summary>Line/Configuration/EjectThreshold.</summary>
    public VariableNode EjectThreshold { get; }

    /// <summary>Line/Configuration/MinParticlePixels.</summary>
    public VariableNode MinParticlePixels { get; }

    /// <summary>Line/Decisions/LastCommand.</summary>
    public VariableNode LastCommand { get; }

    /// <summary>Sends eject commands to subscribers.</summary>
    public DecisionPublisher Decisions { get; }

    /// <summary>The current configuration.</summary>
    public SortLineConfiguration Configuration
    {
        get
        {
            lock (_configurationLock)
            {
                return _configuration;
            }
        }
    }

    /// <summary>Builds the node set into a server's address space.</summary>
    /// <param name="builder">The server's <see cref="Server.OpcUaServer.AddressSpace"/>.</param>
    /// <param name="options">Class list and limits.</param>
    /// <param name="handlers">The host's method implementations.</param>
    /// <param name="timeProvider">Clock for source timestamps; the system clock when null.</param>
    /// <returns>The node set; dispose it to stop the decision pump.</returns>
    /// <exception cref="ArgumentException">The class list is empty or has duplicates or empty names, the initial configuration is invalid, or the nodes exist already.</exception>
    public static SortLineNodeSet Create(AddressSpaceBuilder builder, SortLineNodeSetOptions options, SortLineMethodHandlers handlers, TimeProvider? timeProvider = null) =>
        Create(builder, options, handlers, timeProvider, startPump: true);

    internal static SortLineNodeSet Create(AddressSpaceBuilder builder, SortLineNodeSetOptions options, SortLineMethodHandlers handlers, TimeProvider? timeProvider, bool startPump)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        if (options.ClassNames.Count == 0 || options.ClassNames.Any(string.IsNullOrEmpty) || options.ClassNames.Distinct(StringComparer.Ordinal).Count() != options.ClassNames.Count)
        {
            throw new ArgumentException("ClassNames must be non-empty, unique and without empty names", nameof(options));
        }

        if (options.ClassNames.Count > ushort.MaxValue)
        {
            throw new ArgumentException("At most 65535 classes", nameof(options));
        }

        var set = new SortLineNodeSet(builder, options, handlers, timeProvider ?? TimeProvider.System, startPump);
        StatusCode initial = set.Check(options.InitialConfiguration);
        if (!initial.IsGood)
        {
            throw new ArgumentException("InitialConfiguration is invalid: " + initial.ToString(), nameof(options));
        }

        return set;
    }

    /// <summary>Sets Line/State.</summary>
    public void SetState(SortLineState state) => Set(State, new Variant(state.ToString()));

    /// <summary>Sets Line/BeltSpeed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public void SetBeltSpeed(double metersPerSecond)
    {
        if (!double.IsFinite(metersPerSecond) || metersPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(metersPerSecond), metersPerSecond, "Belt speed must be finite and non-negative");
        }

        Set(BeltSpeed, new Variant(metersPerSecond));
    }

    /// <summary>Sets Line/EncoderPosition.</summary>
    public void SetEncoderPosition(long counts) => Set(EncoderPosition, new Variant(counts));

    /// <summary>Sets Line/LinesPerSecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public void SetLinesPerSecond(double linesPerSecond)
    {
        if (!double.IsFinite(linesPerSecond) || linesPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(linesPerSecond), linesPerSecond, "Line rate must be finite and non-negative");
        }

        Set(LinesPerSecond, new Variant(linesPerSecond));
    }

    /// <summary>Sets Line/DroppedLines.</summary>
    public void SetDroppedLines(ulong count) => Set(DroppedLines, new Variant(count));

    /// <summary>Sets Line/LateDecisions.</summary>
    public void SetLateDecisions(ulong count) => Set(LateDecisions, new Variant(count));

    /// <summary>Sets Line/ModelVersion.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is null.</exception>
    public void SetModelVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        Set(ModelVersion, new Variant(version));
    }

    /// <summary>Sets Line/TeacherAgreement.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0..1.</exception>
    public void SetTeacherAgreement(double agreement)
    {
        if (!(agreement is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(agreement), agreement, "Agreement must be within 0..1");
        }

        Set(TeacherAgreement, new Variant(agreement));
    }

    /// <summary>Sets Line/ParticleCount/&lt;class&gt;.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is not a class index.</exception>
    public void SetParticleCount(int classIndex, ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, _particleCounts.Length);
        Set(_particleCounts[classIndex], new Variant(count));
    }

    /// <summary>Sets Line/EjectionCount/&lt;class&gt;.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is not a class index.</exception>
    public void SetEjectionCount(int classIndex, ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, _ejectionCounts.Length);
        Set(_ejectionCounts[classIndex], new Variant(count));
    }

    /// <summary>The ParticleCount variable of a class.</summary>
    /// <exception cref="ArgumentException">Unknown class.</exception>
    public VariableNode ParticleCount(string className) => _particleCounts[IndexOf(className)];

    /// <summary>The EjectionCount variable of a class.</summary>
    /// <exception cref="ArgumentException">Unknown class.</exception>
    public VariableNode EjectionCount(string className) => _ejectionCounts[IndexOf(className)];

    /// <summary>Replaces the configuration from the host (e.g. loaded from its config file); raises <see cref="ConfigurationChanged"/>.</summary>
    /// <exception cref="ArgumentException">The configuration breaks the rules a client write must follow.</exception>
    public void SetConfiguration(SortLineConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        StatusCode status = Check(configuration);
        if (!status.IsGood)
        {
            throw new ArgumentException("Invalid configuration: " + status.ToString(), nameof(configuration));
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        SortLineConfiguration updated;

        // One change, one event: the three variables change under the lock (client writes wait), and the per-variable
        // handler stays quiet meanwhile, so no listener ever sees a mix of the old and the new configuration.
        lock (_configurationLock)
        {
            _hostUpdate = true;
            try
            {
                TargetClasses.SetValue(Variant.FromArray(configuration.TargetClasses.ToArray()), StatusCode.Good, now);
                EjectThreshold.SetValue(new Variant(configuration.EjectThreshold), StatusCode.Good, now);
                MinParticlePixels.SetValue(new Variant(configuration.MinParticlePixels), StatusCode.Good, now);
            }
            finally
            {
                _hostUpdate = false;
            }

            updated = new SortLineConfiguration([.. configuration.TargetClasses], configuration.EjectThreshold, configuration.MinParticlePixels);
            _configuration = updated;
        }

        ConfigurationChanged?.Invoke(this, new SortLineConfigurationChangedEventArgs(updated));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Decisions.DisposeAsync();

    /// <summary>The range rules of a configuration (Bad_OutOfRange when broken), then the host's validator.</summary>
    internal StatusCode Check(SortLineConfiguration configuration)
    {
        if (!(configuration.EjectThreshold is >= 0 and <= 1) ||
            configuration.MinParticlePixels < 1 || configuration.MinParticlePixels > _options.MaxMinParticlePixels ||
            configuration.TargetClasses.Any(c => c is null || !_classIndex.ContainsKey(c)) ||
            configuration.TargetClasses.Distinct(StringComparer.Ordinal).Count() != configuration.TargetClasses.Count)
        {
            return StatusCode.BadOutOfRange;
        }

        return _options.ConfigurationValidator?.Invoke(configuration) ?? StatusCode.Good;
    }

    private StatusCode ValidateWrite(SortLineConfiguration prospective) => Check(prospective);

    private void OnConfigurationVariableChanged(object? sender, VariableValueChangedEventArgs e)
    {
        SortLineConfiguration updated;
        lock (_configurationLock)
        {
            if (_hostUpdate)
            {
                return;
            }

            updated = new SortLineConfiguration(
                (string[])TargetClasses.Value.Value.Value!,
                (double)EjectThreshold.Value.Value.Value!,
                (uint)MinParticlePixels.Value.Value.Value!);
            _configuration = updated;
        }

        ConfigurationChanged?.Invoke(this, new SortLineConfigurationChangedEventArgs(updated, e.Writer));
    }

    private int IndexOf(string className) =>
        _classIndex.TryGetValue(className, out int index) ? index : throw new ArgumentException("Unknown class " + className, nameof(className));

    private void Set(VariableNode variable, Variant value) => variable.SetValue(value, StatusCode.Good, _time.GetUtcNow().UtcDateTime);

    private static VariableNode Variable(
        AddressSpaceBuilder builder, ObjectNode parent, string id, string name, NodeId dataType, Variant initial, string description,
        int valueRank = ValueRanks.Scalar, byte access = AccessLevels.CurrentRead) =>
        builder.AddVariable(parent.NodeId, NodeId.FromString(parent.NodeId.NamespaceIndex, id), name, dataType, initial, valueRank, access, description);

    private void AddMethods(AddressSpaceBuilder builder, ObjectNode line, SortLineMethodHandlers handlers)
    {
        ushort ns = line.NodeId.NamespaceIndex;
        MethodArgument lineCount = new("LineCount", DataTypeIds.UInt32, Description: "Lines to average, 1.." + _options.MaxReferenceLines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("StartLine", [], None, handlers.StartLine is { } start ? (_, ct) => start(ct) : null, "Start the belt and sorting");
        Add("StopLine", [], None, handlers.StopLine is { } stop ? (_, ct) => stop(ct) : null, "Stop sorting and the belt");
        Add("ResetCounters", [], None, handlers.ResetCounters is { } reset ? (_, ct) => reset(ct) : null, "Zero the counters");
        Add("RequestRetrain", [new MethodArgument("Reason", DataTypeIds.String, Description: "Why (1-1024 characters)")], args => Text(args, 1024),
            handlers.RequestRetrain is { } retrain ? (args, ct) => retrain((string)args[0].Value!, ct) : null, "Queue a retraining of the student model");
        Add("RollbackModel", [new MethodArgument("ModelVersion", DataTypeIds.String, Description: "Version to return to (1-256 characters)")], args => Text(args, 256),
            handlers.RollbackModel is { } rollback ? (args, ct) => rollback((string)args[0].Value!, ct) : null, "Return to an earlier model version");
        Add("CaptureDarkReference", [lineCount], Count,
            handlers.CaptureDarkReference is { } dark ? (args, ct) => dark((uint)args[0].Value!, ct) : null, "Capture the dark reference (shutter closed)");
        Add("CaptureWhiteReference", [lineCount], Count,
            handlers.CaptureWhiteReference is { } white ? (args, ct) => white((uint)args[0].Value!, ct) : null, "Capture the white reference (white target in view)");

        static StatusCode None(IReadOnlyList<Variant> args) => StatusCode.Good;
        static StatusCode Text(IReadOnlyList<Variant> args, int max) =>
            args[0].Value is string { Length: > 0 } text && text.Length <= max ? StatusCode.Good : StatusCode.BadInvalidArgument;
        StatusCode Count(IReadOnlyList<Variant> args) =>
            (uint)args[0].Value! is var count && count >= 1 && count <= _options.MaxReferenceLines ? StatusCode.Good : StatusCode.BadOutOfRange;

        void Add(
            string name,
            MethodArgument[] inputs,
            Func<IReadOnlyList<Variant>, StatusCode> validate,
            Func<IReadOnlyList<Variant>, CancellationToken, ValueTask<StatusCode>>? host,
            string description)
        {
            MethodCallHandler? handler = host is null ? null : async (call, ct) =>
            {
                // Every sorter method has at most one input, so one verdict describes the call.
                StatusCode verdict = validate(call.InputArguments);
                if (!verdict.IsGood)
                {
                    return MethodCallResult.InvalidArguments(verdict);
                }

                StatusCode status = await host(call.InputArguments, ct).ConfigureAwait(false);
                MethodCalled?.Invoke(this, new SortLineMethodCalledEventArgs(name, call.UserName, status));
                return status.IsGood ? MethodCallResult.Success() : MethodCallResult.Failure(status);
            };
            builder.AddMethod(line.NodeId, NodeId.FromString(ns, "Line." + name), name, inputs, [], handler, description);
        }
    }
}

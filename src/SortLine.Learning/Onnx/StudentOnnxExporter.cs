using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Onnx;
using SortLine.Learning.Internal;
using SortLine.Learning.Models;

namespace SortLine.Learning.Onnx;

/// <summary>
/// Exports a <see cref="StudentModel"/> as an ONNX model (IR version 8, default-domain opset 17; docs/onnx-export.md):
/// input <c>spectra</c> float32 [N, bands] → <c>Gemm</c>(spectra, W, b, transB = 1) → output <c>scores</c> float32
/// [N, classes] → <c>ArgMax</c>(axis = 1, keepdims = 0) → output <c>class</c> int64 [N].
/// </summary>
/// <remarks>
/// The input is the *preprocessed* spectrum: reflectance, Savitzky–Golay and the hull quotient stay native
/// (the hull quotient needs the upper convex hull of each spectrum, a data-dependent sequential algorithm with a
/// variable number of vertices that standard ONNX operators cannot express short of a per-pixel Loop). W and b are
/// rounded from float64 to float32 initializers. The reject rule is not applied in the graph; it is in the
/// metadata (<c>sortline.reject_rule</c>) for the caller.
/// </remarks>
public static class StudentOnnxExporter
{
    /// <summary>The ONNX IR version written (ONNX 1.12 is IR 8).</summary>
    public const long IrVersion = 8;

    /// <summary>The default-domain opset version written.</summary>
    public const long OpsetVersion = 17;

    /// <summary>The input name: float32 [N, bands] preprocessed spectra.</summary>
    public const string InputName = "spectra";

    /// <summary>The scores output name: float32 [N, classes].</summary>
    public const string ScoresName = "scores";

    /// <summary>The class output name: int64 [N], argmax of the scores (no reject rule).</summary>
    public const string ClassName = "class";

    /// <summary>Builds the ONNX model bytes for a student model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>A serialized <c>onnx.ModelProto</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static byte[] Export(StudentModel model) => BuildModel(model).ToByteArray();

    /// <summary>Writes the ONNX model atomically to <paramref name="path"/>.</summary>
    /// <param name="path">The destination file (conventionally <c>.onnx</c>).</param>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(string path, StudentModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DurableFile.WriteAtomic(path, Export(model));
    }

    internal static ModelProto BuildModel(StudentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int classes = model.ClassCount;
        int bands = model.BandCount;
        var graph = new GraphProto
        {
            Name = "sortline_student",
            DocString = "scores = spectra · Wᵀ + b; class = argmax(scores). Input: preprocessed SWIR spectra (reflectance, Savitzky–Golay, hull quotient applied natively).",
        };
        graph.Input.Add(TensorValue(InputName, TensorProto.Types.DataType.Float, bands));
        graph.Output.Add(TensorValue(ScoresName, TensorProto.Types.DataType.Float, classes));
        graph.Output.Add(TensorValue(ClassName, TensorProto.Types.DataType.Int64, null));
        graph.Initializer.Add(FloatTensor("W", model.Weights, classes, bands));
        graph.Initializer.Add(FloatTensor("b", model.Bias, classes));

        var gemm = new NodeProto { Name = "affine", OpType = "Gemm" };
        gemm.Input.Add(InputName);
        gemm.Input.Add("W");
        gemm.Input.Add("b");
        gemm.Output.Add(ScoresName);
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(gemm);

        var argmax = new NodeProto { Name = "argmax", OpType = "ArgMax" };
        argmax.Input.Add(ScoresName);
        argmax.Output.Add(ClassName);
        argmax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        argmax.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(argmax);

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "SortLine.Learning",
            ProducerVersion = typeof(StudentOnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            Domain = "org.sortline.student",
            DocString = $"SortLine MSKD student '{model.Version}' ({classes} classes × {bands} bands). Preprocessing is not part of the graph.",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        AddMetadata(proto, "sortline.model_version", model.Version);
        AddMetadata(proto, "sortline.parent_version", model.ParentVersion ?? "");
        AddMetadata(proto, "sortline.created_utc", JsonRead.FormatUtc(model.CreatedUtc));
        AddMetadata(proto, "sortline.class_names", JsonSerializer.Serialize(model.ClassNames.ToArray(), StringArrayContext.Default.StringArray));
        AddMetadata(proto, "sortline.band_centers_nm", Join(model.Bands.CentersNm));
        AddMetadata(proto, "sortline.band_fwhm_nm", Join(model.Bands.FwhmNm));
        AddMetadata(proto, "sortline.reject_rule", string.Create(CultureInfo.InvariantCulture,
            $"{{\"rejectClass\":{model.Reject.RejectClass},\"minWinningScore\":{Nullable(model.Reject.MinWinningScore)},\"minMargin\":{Nullable(model.Reject.MinMargin)}}}"));
        PreprocessingParameters p = model.Preprocessing;
        AddMetadata(proto, "sortline.preprocessing", string.Create(CultureInfo.InvariantCulture,
            $"{{\"darkSha256\":\"{p.DarkReference.Sha256Hex}\",\"whiteSha256\":\"{p.WhiteReference.Sha256Hex}\",\"savitzkyGolay\":[{p.SavitzkyGolayWindow},{p.SavitzkyGolayOrder},{p.SavitzkyGolayDerivative}],\"hullQuotient\":{(p.HullQuotient ? "true" : "false")}}}"));
        return proto;
    }

    private static ValueInfoProto TensorValue(string name, TensorProto.Types.DataType type, int? columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        if (columns is int c)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static TensorProto FloatTensor(string name, ReadOnlySpan<double> values, params ReadOnlySpan<int> dims)
    {
        byte[] raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), (float)values[i]);
        }

        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(raw) };
        foreach (int d in dims)
        {
            tensor.Dims.Add(d);
        }

        return tensor;
    }

    private static void AddMetadata(ModelProto proto, string key, string value) =>
        proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    private static string Join(IReadOnlyList<double> values)
    {
        var text = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Nullable(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";
}

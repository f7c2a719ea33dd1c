using Microsoft.ML;
using Microsoft.ML.Data;

namespace NewsPulse.Tagging;

// The row shapes ML.NET reads and writes. Feature vectors have a size known only once a featurizer is fitted,
// so their schema is given at run time (VectorSchema).

/// <summary>A story's text, as the theme featurizer reads it.</summary>
internal sealed class StoryTextRow
{
    public string Text { get; set; } = "";
}

/// <summary>A feature vector, with a label when it is a training row.</summary>
internal sealed class FeatureRow
{
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }
}

/// <summary>What a binary classifier says of a row.</summary>
internal sealed class ProbabilityRow
{
    public float Probability { get; set; }
}

internal static class VectorSchema
{
    /// <summary>The schema of <see cref="FeatureRow"/> with vectors of <paramref name="size"/> numbers.</summary>
    public static SchemaDefinition ForFeatures(int size)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return schema;
    }

    /// <summary>How many numbers the featurizer's Features vectors hold.</summary>
    public static int FeatureCount(MLContext ml, ITransformer featurizer, DataViewSchema inputSchema) =>
        ((VectorDataViewType)featurizer.GetOutputSchema(inputSchema)[nameof(FeatureRow.Features)].Type).Size;

    /// <summary>Loads labelled vectors as a data view ML.NET trainers read.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows, int size) =>
        ml.Data.LoadFromEnumerable(rows, ForFeatures(size));
}

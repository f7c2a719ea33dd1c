using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace NewsPulse.Tagging;

/// <summary>
/// The trained ML.NET models of the tagger, kept together in one file (a zip): the theme text featurizer, one
/// binary classifier per theme, the company and country salience classifiers, and the manifest with thresholds.
/// </summary>
public sealed class TaggingModel
{
    /// <summary>
    /// The version of the features models read (<see cref="ThemeText"/>, <see cref="SalienceFeatures"/>): raise it
    /// whenever either changes, so that a model trained on other features is refused rather than misread.
    /// </summary>
    public const int FeatureVersion = 2;

    private const string ManifestEntry = "manifest.json";
    private const string FeaturizerEntry = "theme-featurizer.zip";
    private const string CompanyEntry = "salience-company.zip";
    private const string CountryEntry = "salience-country.zip";

    /// <summary>How manifests are written, in the model file and in model_versions.metrics.</summary>
    public static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal TaggingModel(MLContext ml, ModelManifest manifest, ITransformer themeFeaturizer, int themeFeatureCount, IReadOnlyDictionary<string, ITransformer> themeClassifiers, ITransformer companySalience, ITransformer countrySalience)
    {
        Ml = ml;
        Manifest = manifest;
        ThemeFeaturizer = themeFeaturizer;
        ThemeFeatureCount = themeFeatureCount;
        ThemeClassifiers = themeClassifiers;
        CompanySalience = companySalience;
        CountrySalience = countrySalience;
        ThemeScorers = [.. themeClassifiers.Select(t => (t.Key, LinearScorer.From(t.Value)))];
        CompanyScorer = LinearScorer.From(companySalience);
        CountryScorer = LinearScorer.From(countrySalience);
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    internal MLContext Ml { get; }

    internal ITransformer ThemeFeaturizer { get; }

    internal int ThemeFeatureCount { get; }

    internal IReadOnlyDictionary<string, ITransformer> ThemeClassifiers { get; }

    internal ITransformer CompanySalience { get; }

    internal ITransformer CountrySalience { get; }

    internal IReadOnlyList<(string Theme, LinearScorer Scorer)> ThemeScorers { get; }

    internal LinearScorer CompanyScorer { get; }

    internal LinearScorer CountryScorer { get; }

    /// <summary>The manifest as the model file holds it (JSON), for the model_versions table.</summary>
    public string ManifestText() => JsonSerializer.Serialize(Manifest, ManifestJson);

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // Written beside the target under a name of its own and moved into place, so neither a reader nor a
        // second process saving at the same time ever sees half a model.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var file = File.Create(partial))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WriteEntry(zip, ManifestEntry, stream => JsonSerializer.Serialize(stream, Manifest, ManifestJson));
            var textSchema = Ml.Data.LoadFromEnumerable(Array.Empty<StoryTextRow>()).Schema;
            WriteEntry(zip, FeaturizerEntry, stream => Ml.Model.Save(ThemeFeaturizer, textSchema, stream));
            var themeSchema = VectorSchema.Load(Ml, [], ThemeFeatureCount).Schema;
            foreach (var (theme, classifier) in ThemeClassifiers)
            {
                WriteEntry(zip, ThemeEntry(theme), stream => Ml.Model.Save(classifier, themeSchema, stream));
            }

            var salienceSchema = VectorSchema.Load(Ml, [], SalienceFeatures.Count).Schema;
            WriteEntry(zip, CompanyEntry, stream => Ml.Model.Save(CompanySalience, salienceSchema, stream));
            WriteEntry(zip, CountryEntry, stream => Ml.Model.Save(CountrySalience, salienceSchema, stream));
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a model file; a missing or damaged file fails with a message that names it.</summary>
    public static TaggingModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No tagging model at {path}; run `newspulse model train` to make one.", path);
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var manifest = JsonSerializer.Deserialize<ModelManifest>(ReadEntry(zip, ManifestEntry), ManifestJson)
                ?? throw new InvalidDataException("empty manifest");
            if (manifest.FeatureVersion != FeatureVersion || manifest.SalienceFeatureCount != SalienceFeatures.Count)
            {
                throw new IncompatibleModelException(
                    $"The tagging model {path} was trained on features of version {manifest.FeatureVersion} and this build reads version {FeatureVersion}; train a new one with `newspulse model train`.");
            }

            var ml = new MLContext(manifest.Seed);
            var featurizer = ml.Model.Load(ReadEntry(zip, FeaturizerEntry), out var textSchema);
            var featureCount = VectorSchema.FeatureCount(ml, featurizer, textSchema);
            var themes = manifest.ThemeThresholds.Keys.ToDictionary(t => t, t => ml.Model.Load(ReadEntry(zip, ThemeEntry(t)), out _), StringComparer.Ordinal);
            var company = ml.Model.Load(ReadEntry(zip, CompanyEntry), out _);
            var country = ml.Model.Load(ReadEntry(zip, CountryEntry), out _);
            return new TaggingModel(ml, manifest, featurizer, featureCount, themes, company, country);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"The tagging model {path} cannot be read ({ex.Message}); train a new one with `newspulse model train`.", ex);
        }
    }

    private static string ThemeEntry(string theme) => $"theme-{theme}.zip";

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        write(stream);
    }

    /// <summary>An entry copied into memory: ML.NET wants a seekable stream.</summary>
    private static MemoryStream ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"it has no {name}");
        var memory = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(memory);
        }

        memory.Position = 0;
        return memory;
    }
}

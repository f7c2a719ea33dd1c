using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Tagging;

/// <summary>
/// The model folder: one file per trained version and a <c>current</c> file naming the one in use. When there is
/// no model yet, the first caller trains one from the labelled stories (fixed seed), so a fresh clone tags.
/// </summary>
public sealed class ModelFiles(TaggingOptions options, TimeProvider time, ILogger<ModelFiles> logger)
{
    private const string CurrentFile = "current";
    private const string TrainingLockFile = ".training.lock";

    /// <summary>One training on demand per process at a time, however many model folders ask at once.</summary>
    private static readonly Lock UsableModelTraining = new();

    private readonly Lock _gate = new();
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private Tagger? _loaded;
    private DateTime _loadedPointerWritten;

    public string Folder => options.ResolvedModelDirectory;

    public string DataDirectory => options.ResolvedDataDirectory;

    /// <summary>The path of the model in use, or null when none was trained yet.</summary>
    public string? CurrentPath()
    {
        var pointer = Path.Combine(Folder, CurrentFile);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var path = Path.Combine(Folder, File.ReadAllText(pointer).Trim());
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The tagger of the current model, loaded once and again whenever <c>current</c> changes (a long-running
    /// <c>serve</c> picks up what <c>model train</c> made). When there is no model, or it was trained on other
    /// features than this build's, one is trained first.
    /// </summary>
    public Tagger CurrentTagger()
    {
        lock (_gate)
        {
            var pointerWritten = File.GetLastWriteTimeUtc(Path.Combine(Folder, CurrentFile));
            if (_loaded is null || pointerWritten != _loadedPointerWritten)
            {
                _loaded = new Tagger(LoadUsable(CurrentPath()) ?? TaggingModel.Load(TrainUsableModel()));
                _loadedPointerWritten = File.GetLastWriteTimeUtc(Path.Combine(Folder, CurrentFile));
            }

            return _loaded;
        }
    }

    /// <summary>The model at <paramref name="path"/>, or null when there is none, it is damaged, or it does not fit this build.</summary>
    private TaggingModel? LoadUsable(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return TaggingModel.Load(path);
        }
        catch (Exception ex) when (ex is IncompatibleModelException or InvalidDataException)
        {
            logger.LogWarning("{Reason}", ex.Message);
            return null;
        }
    }

    /// <summary>Trains a model, saves it as a new version and makes it current; returns it with its path.</summary>
    public (TaggingModel Model, string Path) TrainAndSave(IReadOnlyList<FeedbackStory> feedback, IProgress<string>? progress)
    {
        var stories = LabelledStory.Load(options.ResolvedDataDirectory);
        var model = new TaggerTrainer(time).Train(stories, feedback, options.Seed, progress);
        var path = Path.Combine(Folder, model.Version + ".zip");
        model.Save(path);
        // Replaced by a move, so a process reading the pointer never sees it half-written.
        var pointer = Path.Combine(Folder, $"{CurrentFile}.{Guid.NewGuid():N}.partial");
        File.WriteAllText(pointer, Path.GetFileName(path) + "\n");
        File.Move(pointer, Path.Combine(Folder, CurrentFile), overwrite: true);

        return (model, path);
    }

    /// <summary>Records the model in model_versions, once per version and process.</summary>
    public async Task RegisterAsync(TaggingModel model, TagStore tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tags);
        lock (_gate)
        {
            if (_registered.Contains(model.Version))
            {
                return;
            }
        }

        var manifest = model.Manifest;
        await tags.RegisterModelAsync(
            new ModelVersionRecord
            {
                Version = manifest.Version,
                FileName = manifest.Version + ".zip",
                TrainedAt = manifest.TrainedAt,
                Seed = manifest.Seed,
                TrainingStories = manifest.TrainingStories,
                FeedbackLabels = manifest.FeedbackLabels,
                Metrics = model.ManifestText(),
            },
            cancellationToken);
        lock (_gate)
        {
            _registered.Add(model.Version);
        }
    }

    /// <summary>
    /// Trains a model for the folder, unless another thread or process did while this one waited: a lock file lets
    /// several processes sharing a folder (a cluster, a test run) train it once.
    /// </summary>
    private string TrainUsableModel()
    {
        lock (UsableModelTraining)
        {
            Directory.CreateDirectory(Folder);
            using var folderLock = WaitForFile(Path.Combine(Folder, TrainingLockFile));
            if (CurrentPath() is { } trainedElsewhere && LoadUsable(trainedElsewhere) is not null)
            {
                return trainedElsewhere;
            }

            logger.LogInformation("No usable tagging model in {Directory}; training one from {Data}", Folder, options.ResolvedDataDirectory);
            var (model, path) = TrainAndSave([], progress: null);
            logger.LogInformation("Trained tagging model {Version} in {Seconds} s", model.Version, model.Manifest.TrainingSeconds);
            return path;
        }
    }

    private static FileStream WaitForFile(string path)
    {
        var deadline = Environment.TickCount64 + (long)TimeSpan.FromMinutes(5).TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }
}

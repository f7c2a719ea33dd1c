using Microsoft.Extensions.Time.Testing;
using NewsPulse.Tests;

namespace NewsPulse.Tagging.Tests;

/// <summary>One model trained on the project's labelled stories, shared by the tests of a class (training takes seconds).</summary>
public sealed class TrainedModel
{
    public const int Seed = 20261206;

    public TrainedModel()
    {
        Stories = LabelledStory.Load(RepositoryRoot.Combine("tests", "data", "tagging"));
        Model = new TaggerTrainer(Clock).Train(Stories, [], Seed);
        Tagger = new Tagger(Model);
    }

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    public IReadOnlyList<LabelledStory> Stories { get; }

    public TaggingModel Model { get; }

    public Tagger Tagger { get; }
}

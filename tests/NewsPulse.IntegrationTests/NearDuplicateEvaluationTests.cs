using NewsPulse.App.Evaluation;
using NewsPulse.App.Hosting;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

public class NearDuplicateEvaluationTests
{
    private static LabelledPair Pair(int label) => new("p", "en", "k", label, "a", "b");

    [Fact]
    public void Scores_count_each_kind_of_decision()
    {
        var scores = BinaryScores.Of([(true, true), (true, true), (true, false), (false, true), (false, false)]);

        Assert.Equal((2, 1, 1, 1), (scores.TruePositives, scores.FalsePositives, scores.FalseNegatives, scores.TrueNegatives));
        Assert.Equal(2.0 / 3, scores.Precision, precision: 9);
        Assert.Equal(2.0 / 3, scores.Recall, precision: 9);
        Assert.Equal(0.6, scores.Accuracy, precision: 9);
    }

    [Fact]
    public void The_threshold_falls_between_the_classes_when_they_separate()
    {
        var tuning = new[] { (Pair(0), 0.05), (Pair(0), 0.2), (Pair(1), 0.6), (Pair(1), 0.9) };

        Assert.Equal(0.4, NearDuplicateEvaluation.ChooseThreshold(tuning), precision: 9);
    }

    [Fact]
    public void Test_pairs_never_move_the_threshold()
    {
        var splits = new Dictionary<string, IReadOnlyList<LabelledPair>>
        {
            ["train"] = [new("t1", "en", "syndicated", 1, "Chip stocks rose sharply on Monday after the results.", "Chip stocks rose sharply on Monday after the results.")],
            ["dev"] = [new("d1", "en", "same-topic", 0, "Chip stocks rose sharply on Monday after the results.", "The central bank held rates and the euro slipped.")],
            ["test"] = [new("x1", "en", "same-topic", 1, "Completely different words here for the test pair.", "Nothing in common with the first text at all.")],
        };

        var report = NearDuplicateEvaluation.Run(splits);

        Assert.Equal(["train", "dev", "test"], report.Splits.Select(s => s.Split));
        Assert.Equal(1.0, report.Splits[0].Scores.F1);
        Assert.Equal(0, report.Splits[2].Scores.TruePositives);
        Assert.Single(report.Splits[2].Errors);
    }

    /// <summary>A floor on the project's own labelled set, so a change that hurts clustering is noticed.</summary>
    [Fact]
    public void On_the_labelled_set_the_threshold_chosen_on_train_and_dev_holds_on_test()
    {
        var folder = RepositoryRoot.Combine("tests", "data", "near-duplicates");
        var splits = new[] { "train", "dev", "test" }.ToDictionary(s => s, s => NearDuplicateEvaluation.Load(Path.Combine(folder, $"{s}.jsonl")));

        var report = NearDuplicateEvaluation.Run(splits);

        Assert.True(report.Splits.Single(s => s.Split == "test").Scores.F1 >= 0.9, $"test F1 {report.Splits.Single(s => s.Split == "test").Scores.F1}");
        Assert.InRange(new ClusteringOptions().OverlapThreshold, report.Threshold - 0.05, report.Threshold + 0.05);
    }
}

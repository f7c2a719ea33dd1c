using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Evaluation;
using NewsPulse.App.Hosting;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse eval near-duplicates [--data DIR]</c>: measured quality of the pipeline's stages on labelled sets.</summary>
internal static class EvalCommand
{
    private static readonly string[] Splits = ["train", "dev", "test"];

    public static Command Create()
    {
        var command = new Command("eval", "Measure a stage on its labelled evaluation set (precision, recall, F1).");
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with train.jsonl, dev.jsonl and test.jsonl (default: tests/data/near-duplicates).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(ProjectPaths.Root, "tests", "data", "near-duplicates")),
        };
        var nearDuplicates = new Command("near-duplicates", "Story clustering: choose the overlap threshold on train+dev, report every split.") { data };
        nearDuplicates.SetGuardedAction((parseResult, _) =>
        {
            var folder = parseResult.GetValue(data)!;
            var splits = new Dictionary<string, IReadOnlyList<LabelledPair>>();
            foreach (var split in Splits)
            {
                var path = Path.Combine(folder.FullName, $"{split}.jsonl");
                if (!File.Exists(path))
                {
                    throw new UserInputException($"Missing {path}: the set needs train.jsonl, dev.jsonl and test.jsonl.");
                }

                splits[split] = NearDuplicateEvaluation.Load(path);
            }

            var report = NearDuplicateEvaluation.Run(splits);
            AnsiConsole.WriteLine($"Story overlap threshold chosen on train+dev: {report.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}");
            var table = new Table().AddColumns("split", "pairs", "precision", "recall", "F1", "accuracy");
            foreach (var split in report.Splits)
            {
                table.AddRow(split.Split, split.Pairs.ToString(CultureInfo.InvariantCulture), Percent(split.Scores.Precision), Percent(split.Scores.Recall), Percent(split.Scores.F1), Percent(split.Scores.Accuracy));
            }

            AnsiConsole.Write(table);
            foreach (var (pair, overlap) in report.Splits.Single(s => s.Split == "test").Errors)
            {
                AnsiConsole.WriteLine($"test error: {pair.Id} ({pair.Kind}, label {pair.Label}) overlap {overlap.ToString("0.000", CultureInfo.InvariantCulture)}");
            }

            return Task.FromResult(0);
        });
        command.Subcommands.Add(nearDuplicates);
        return command;
    }

    private static string Percent(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

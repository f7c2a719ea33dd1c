using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Evaluation;
using NewsPulse.App.Hosting;
using NewsPulse.Ingest.Extraction;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse eval near-duplicates|language [--data DIR]</c>: measured quality of the pipeline's stages on labelled sets.</summary>
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
        command.Subcommands.Add(CreateLanguage());
        return command;
    }

    private static Command CreateLanguage()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with one LANG.jsonl per language, lines {split, text} (default: tests/data/language-id).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(ProjectPaths.Root, "tests", "data", "language-id")),
        };
        var command = new Command("language", "Language identification: trained on the train split, accuracy and per-language precision/recall/F1 per split.") { data };
        command.SetGuardedAction((parseResult, _) =>
        {
            var folder = parseResult.GetValue(data)!;
            if (!folder.Exists)
            {
                throw new UserInputException($"No labelled set at {folder.FullName}.");
            }

            var reports = LanguageEvaluation.Run(LanguageSamples.Load(folder.FullName));
            foreach (var report in reports)
            {
                AnsiConsole.WriteLine($"{report.Split}: {report.Samples} paragraphs, accuracy {Percent(report.Accuracy)}");
            }

            var test = reports.Single(r => r.Split == "test");
            var table = new Table().Title("test split").AddColumns("language", "paragraphs", "precision", "recall", "F1");
            foreach (var language in test.PerLanguage)
            {
                table.AddRow(language.Language, language.Samples.ToString(CultureInfo.InvariantCulture), Percent(language.Scores.Precision), Percent(language.Scores.Recall), Percent(language.Scores.F1));
            }

            AnsiConsole.Write(table);
            foreach (var (sample, predicted) in test.Errors)
            {
                AnsiConsole.WriteLine($"test error: {sample.Language} read as {predicted ?? "(none)"}: {Markup.Escape(sample.Text[..Math.Min(80, sample.Text.Length)])}");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static string Percent(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse digest preview|send</c>: look at one subscriber's digest, or send the due ones now.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var command = new Command("digest", "The daily digest: preview one subscriber's, or send the digests that are due.");
        command.Subcommands.Add(CreatePreview());
        command.Subcommands.Add(CreateSend());
        return command;
    }

    private static Option<string?> DateOption() => new("--date") { Description = "The subscriber's local date to compose for (YYYY-MM-DD; default: today)." };

    private static Command CreatePreview()
    {
        var email = new Option<string>("--email") { Description = "The subscriber.", Required = true };
        var date = DateOption();
        var output = new Option<DirectoryInfo?>("--output") { Description = "Folder for the files (default: out/digest-preview)." };
        var command = new Command("preview", "Compose one subscriber's digest without sending it; writes its HTML, text and .eml and prints their paths.") { email, date, output };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var day = CliDates.ParseDay(parseResult.GetValue(date), "--date");
            await using var app = await AppServices.StartAsync(cancellationToken);
            var address = parseResult.GetValue(email)!;
            var subscriber = await app.Get<SubscriberStore>().FindAsync(address, cancellationToken)
                ?? throw new UserInputException($"No subscriber {address}; `newspulse subscribers list` shows them.");
            var (_, rendered, message) = await app.Get<DigestService>().PreviewAsync(subscriber, day, cancellationToken);
            if (rendered is null || message is null)
            {
                Console.WriteLine($"Nothing matches {subscriber.Email}'s preferences in the window: no digest would be sent.");
                return 0;
            }

            var folder = Directory.CreateDirectory(parseResult.GetValue(output)?.FullName ?? Path.Combine(ProjectPaths.Root, "out", "digest-preview")).FullName;
            var stem = Path.Combine(folder, $"digest-{subscriber.Id}-{day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "today"}");
            await File.WriteAllTextAsync(stem + ".html", rendered.Html, cancellationToken);
            await File.WriteAllTextAsync(stem + ".txt", rendered.Text, cancellationToken);
            await message.WriteToAsync(stem + ".eml", cancellationToken);
            Console.WriteLine($"subject: {message.Subject}");
            Console.WriteLine(stem + ".html");
            Console.WriteLine(stem + ".txt");
            Console.WriteLine(stem + ".eml");
            return 0;
        });
        return command;
    }

    private static Command CreateSend()
    {
        var now = new Option<bool>("--now") { Description = "Every confirmed subscriber's digest for today at once, whatever their send hour (still never twice for one date)." };
        var date = DateOption();
        var command = new Command("send", "Compose the due digests into the outbox and send everything the outbox holds that is due.") { now, date };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var day = CliDates.ParseDay(parseResult.GetValue(date), "--date");
            await using var app = await AppServices.StartAsync(cancellationToken);
            var digests = app.Get<DigestService>();
            var plan = await digests.PlanAsync(parseResult.GetValue(now), day, cancellationToken);
            Console.WriteLine($"composed {plan.Composed}, nothing to send for {plan.Skipped}, already done {plan.AlreadyDone} ({plan.Elapsed.TotalSeconds:0.0} s)");
            var progress = new ConsoleProgress();
            var sent = await digests.SendDueAsync(progress, cancellationToken);
            progress.Complete();
            var destination = app.Get<MailTransport>().Destination;
            Console.WriteLine($"sent {sent.Sent} to {destination}, retrying later {sent.Retrying}, failed {sent.Failed} ({sent.Elapsed.TotalSeconds:0.0} s)");
            return sent.Failed == 0 ? 0 : CommandErrors.Failure;
        });
        return command;
    }
}

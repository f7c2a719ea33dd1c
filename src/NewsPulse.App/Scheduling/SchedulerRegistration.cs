using NewsPulse.App.Hosting;
using Npgsql;
using Quartz;

namespace NewsPulse.App.Scheduling;

/// <summary>The Quartz scheduler of <c>newspulse serve</c>: its job store in PostgreSQL, its jobs and their triggers.</summary>
public static class SchedulerRegistration
{
    public const string SchedulerName = "newspulse";

    public static IServiceCollection AddNewsPulseScheduler(this IServiceCollection services, SchedulerOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;

                // Cluster nodes must each have their own id; generated ones also survive a restart on a new host.
                scheduler.GenerateInstanceId = true;
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });

            // One thread a job: they never run beside themselves, and a pass parallelises its own fetches.
            quartz.UseDefaultThreadPool(maxConcurrency: 2);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                store.UseSystemTextJsonSerializer();
                if (options.Clustered)
                {
                    store.UseClustering(_ => { });
                }
            });

            quartz.AddJob<PollDueFeedsJob>(job => job.WithIdentity(PollDueFeedsJob.Key).StoreDurably().WithDescription("Poll the feeds whose next check is due"));
            quartz.AddJob<FetchArticlesJob>(job => job.WithIdentity(FetchArticlesJob.Key).StoreDurably().WithDescription("Fetch and extract pending article pages"));
            quartz.AddJob<PlanDigestsJob>(job => job.WithIdentity(PlanDigestsJob.Key).StoreDurably().WithDescription("Compose the digests whose send hour has come, and send"));
            quartz.AddJob<SendDigestsJob>(job => job.WithIdentity(SendDigestsJob.Key).StoreDurably().WithDescription("Send digests due for a retry"));
            AddPeriodicTrigger(quartz, PollDueFeedsJob.Key, options.PollDueFeedsEvery);
            AddPeriodicTrigger(quartz, SendDigestsJob.Key, options.DigestRetriesEvery);

            // Send hours are whole local hours: composing at the top of each hour sends each digest on time, and once
            // at start-up catches up on an hour missed while no node ran.
            quartz.AddTrigger(trigger => trigger.ForJob(PlanDigestsJob.Key).WithIdentity("PlanDigests-hourly", "digest")
                .WithCronSchedule("0 0 * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            quartz.AddTrigger(trigger => trigger.ForJob(PlanDigestsJob.Key).WithIdentity("PlanDigests-at-start", "digest").StartNow());
            AddPeriodicTrigger(quartz, FetchArticlesJob.Key, options.FetchArticlesEvery);
        });
        // The scheduler starts with the host rather than after it (Quartz's default): /healthz answers as soon as the
        // server listens, and would otherwise report a scheduler not yet started for a moment.
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.AwaitApplicationStarted = false;
        });
        return services;
    }

    /// <summary>
    /// Fires at start-up, then every <paramref name="period"/>. A period missed while no node ran is skipped, not
    /// replayed: each pass catches up on everything due anyway.
    /// </summary>
    private static void AddPeriodicTrigger(IQuartzBuilder quartz, JobKey job, TimeSpan period) =>
        quartz.AddTrigger(trigger => trigger
            .ForJob(job)
            .WithIdentity($"{job.Name}-every", job.Group)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(period).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
}

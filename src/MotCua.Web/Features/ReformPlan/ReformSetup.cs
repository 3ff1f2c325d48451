using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public static class ReformSetup
{
    public static WebApplicationBuilder AddReformPlan(this WebApplicationBuilder builder)
    {
        // One handler per use case (ADR 0001); the API endpoints and the pages only translate their outcomes.
        builder.Services.AddScoped<IIndicatorTargets, PlanIndicatorTargets>();
        builder.Services.AddScoped<SavePlan>();
        builder.Services.AddScoped<CarryTargetsForward>();
        builder.Services.AddScoped<SaveTask>();
        builder.Services.AddScoped<SaveTarget>();
        builder.Services.AddScoped<RecordTargetMeasurement>();
        builder.Services.AddScoped<SubmitUnitReport>();
        builder.Services.AddScoped<ReviewUnitReport>();
        builder.Services.AddScoped<UpdateOccurrence>();
        builder.Services.AddScoped<AddOccurrenceEntry>();
        builder.Services.AddScoped<SaveInspection>();
        builder.Services.AddScoped<AddFollowUp>();
        builder.Services.AddScoped<CreateScheme>();
        builder.Services.AddScoped<RenameScheme>();
        builder.Services.AddScoped<SaveCriterion>();
        builder.Services.AddScoped<DeleteCriterion>();
        builder.Services.AddScoped<MoveCriterion>();
        builder.Services.AddScoped<SelfAssessCriterion>();
        builder.Services.AddScoped<AppraiseCriterion>();
        return builder;
    }
}

public static class ReformSeed
{
    public static async Task SeedAsync(AppDbContext db, string dataFolder, CancellationToken ct = default)
    {
        await PlanSeed.SeedAsync(db, dataFolder, ct);
        await ReportObligationSeed.SeedAsync(db, ct);
        await ScoringSeed.SeedAsync(db, ct);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Razor;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Assisted;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.CitizenData;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Meetings;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Operations;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Portal;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.Queue;
using MotCua.Web.Features.ReformPlan;
using MotCua.Web.Features.Results;
using MotCua.Web.Features.Security;
using MotCua.Web.Features.Signing;
using MotCua.Web.Features.Tracking;
using MotCua.Web.Features.Webhooks;
using MotCua.Web.Features.Workspace;
using MotCua.Web.Infrastructure;
using Scalar.AspNetCore;

namespace MotCua.Web;

/// <summary>The table of contents of the application: every feature is registered and mapped here.</summary>
public static class AppSetup
{
    /// <summary><c>Demo:Enabled</c>, off unless set (appsettings.Development.json sets it for <c>dotnet run</c>).</summary>
    public static bool DemoMode(IConfiguration config) => Infrastructure.DemoMode.IsOn(config);

    public static WebApplicationBuilder AddMotCua(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders().AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StartupProgress>();
        builder.AddDatabase();
        builder.AddDataProtectionKeys();
        builder.AddLocalizationSetup();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ServedUnit>();
        builder.AddProblems();
        builder.AddAccounts();
        builder.AddCalendar();
        builder.AddProcedures();
        builder.AddDossiers();
        builder.AddForms();
        builder.AddReformPlan();
        builder.AddNotifications();
        builder.AddIndicators();
        builder.AddSecurity();
        builder.AddOperations();
        builder.AddAlarms();
        builder.AddPayments();
        builder.AddSigning();
        builder.AddResults();
        builder.AddFeedback();
        builder.AddFiles();
        builder.AddPortal();
        builder.AddCitizenData();
        builder.AddTracking();
        builder.AddQueue();
        builder.AddDocuments();
        builder.AddAssisted();
        builder.AddWorkspace();
        builder.AddResponseCompressionSetup();
        builder.AddNationalPortal();
        builder.AddWebhooks();
        builder.AddMeetings();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddApiContract();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new BoundedStringConverter(BoundedStringConverter.DefaultMax));
        });
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Organisation", AccountsSetup.StaffPolicy);
                // The staff workspace "Việc của tôi" (/Staff) and the users page (/Staff/Users, beside the public sign-in pages).
                o.Conventions.AuthorizeFolder("/Workspace", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Accounts/Users", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/Dossiers", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/Procedures/Admin", AccountsSetup.AdminPolicy);
                o.Conventions.AuthorizeFolder("/ReformPlan", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/Notifications", AccountsSetup.AdminPolicy);
                o.Conventions.AuthorizePage("/Indicators/Index", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/Dossiers/Admin", AccountsSetup.AdminPolicy);
                o.Conventions.AuthorizeFolder("/Alarms", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Payments/Reconciliation", AccountsSetup.AdminPolicy);
                o.Conventions.AuthorizePage("/Results/Postal", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Feedback/Staff", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Feedback/Kiosk", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Queue/Kiosk", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Queue/Desk", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizePage("/Queue/Stats", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/Assisted", AccountsSetup.StaffPolicy);
                o.Conventions.AuthorizeFolder("/NationalPortal", AccountsSetup.StaffPolicy);
                // The weekly work schedule (/Meetings/Week) is published; the rest of /Meetings is staff only.
                o.Conventions.AuthorizeFolder("/Meetings", AccountsSetup.StaffPolicy);
                o.Conventions.AllowAnonymousToPage("/Meetings/Week");
            })
            // Dates in pages: dd/MM/yyyy as the date boxes show them, or ISO (docs/design.md).
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new VietnameseDateBinderProvider()))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var progress = app.Services.GetRequiredService<StartupProgress>();
        app.Lifetime.ApplicationStarted.Register(() => progress.Ready(app.Urls));
        await progress.StepAsync("database migrations", () => DatabaseSetup.MigrateAsync(app.Services));
        if (DemoMode(app.Configuration))
        {
            await progress.StepAsync("demo data", () => DemoSeed.SeedAsync(app.Services, progress));
            return;
        }

        using var scope = app.Services.CreateScope();
        var exposed = await DemoSeed.AccountsWithDemoPasswordAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        if (exposed.Length > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start outside demo mode: {exposed.Length} account(s) still use the published demo password ({string.Join(", ", exposed)}). Change them with 'create-user' or reset them first.");
        }
    }

    public static WebApplication UseMotCua(this WebApplication app)
    {
        // Outermost, so that the header times everything the server does for the request (docs/benchmarks.md, issue 25.3).
        app.UseServerTiming();
        // Culture first, so that error pages and problem details are written in the request's language.
        app.UseRequestLocalization();
        // Pages, problem details and JSON go out compressed; static files come precompressed from MapStaticAssets.
        app.UseResponseCompression();
        app.UseSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseApiClientGate();
        app.UseApiDeprecation();
        app.UseAuthorization();
        app.UseNfcForms();
        return app;
    }

    public static WebApplication MapMotCua(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs");
        app.MapHealthChecks("/health");
        // The trivial endpoint the load test measures beside the real ones (docs/benchmarks.md).
        app.MapGet("/api/v1/ping", () => TypedResults.Text("pong")).AllowAnonymous().ExcludeFromDescription();
        app.MapLanguageSwitch();
        app.MapAuthApi();
        app.MapOrganisationApi();
        app.MapCalendarApi();
        app.MapProceduresApi();
        app.MapDossiersApi();
        app.MapReformPlanApi();
        app.MapIndicatorsApi();
        app.MapOperationsApi();
        app.MapPublicStatisticsApi();
        app.MapAlarmsApi();
        app.MapPaymentsApi();
        app.MapResultsApi();
        app.MapSignaturesApi();
        app.MapFeedbackApi();
        app.MapFilesApi();
        app.MapPortalApi();
        app.MapCitizenDataApi();
        app.MapTrackingApi();
        app.MapAssistedApi();
        app.MapQueueApi();
        app.MapDocumentsApi();
        app.MapWorkspaceApi();
        app.MapNationalPortalApi();
        app.MapWebhooksApi();
        app.MapMeetingsApi();
        return app;
    }
}

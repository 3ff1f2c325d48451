using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.ReformPlan;
using MotCua.Web.Features.Results;

namespace MotCua.Web.Infrastructure;

/// <summary>The one model of the application; each provider has its own subclass so that it keeps its own migration set.</summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<UnitProcedure> UnitProcedures => Set<UnitProcedure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarChange> CalendarChanges => Set<CalendarChange>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<PlanTaskOccurrence> PlanTaskOccurrences => Set<PlanTaskOccurrence>();
    public DbSet<OccurrenceEntry> OccurrenceEntries => Set<OccurrenceEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<ReportObligation> ReportObligations => Set<ReportObligation>();
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();
    public DbSet<ScoringScheme> ScoringSchemes => Set<ScoringScheme>();
    public DbSet<ScoringCriterion> ScoringCriteria => Set<ScoringCriterion>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionFollowUp> InspectionFollowUps => Set<InspectionFollowUp>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IndicatorAggregate> IndicatorAggregates => Set<IndicatorAggregate>();
    public DbSet<Features.Security.AuditRecord> AuditRecords => Set<Features.Security.AuditRecord>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<Features.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Features.Webhooks.WebhookSubscription>();
    public DbSet<Features.Operations.ScheduledRun> ScheduledRuns => Set<Features.Operations.ScheduledRun>();
    public DbSet<DecisionReason> DecisionReasons => Set<DecisionReason>();
    public DbSet<Alarm> Alarms => Set<Alarm>();
    public DbSet<Features.Meetings.Meeting> Meetings => Set<Features.Meetings.Meeting>();
    public DbSet<Features.Meetings.MeetingInvitee> MeetingInvitees => Set<Features.Meetings.MeetingInvitee>();
    public DbSet<Features.Meetings.MeetingTask> MeetingTasks => Set<Features.Meetings.MeetingTask>();
    public DbSet<Features.Meetings.MeetingEvent> MeetingEvents => Set<Features.Meetings.MeetingEvent>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentIssue> PaymentIssues => Set<PaymentIssue>();
    public DbSet<Features.CitizenData.CitizenCheck> CitizenChecks => Set<Features.CitizenData.CitizenCheck>();
    public DbSet<SandboxTransaction> SandboxTransactions => Set<SandboxTransaction>();
    public DbSet<SignedResult> SignedResults => Set<SignedResult>();
    public DbSet<Features.Signing.SigningCertificate> SigningCertificates => Set<Features.Signing.SigningCertificate>();
    public DbSet<ResultDelivery> ResultDeliveries => Set<ResultDelivery>();
    public DbSet<DossierRating> DossierRatings => Set<DossierRating>();
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<Features.Files.UploadedFile> UploadedFiles => Set<Features.Files.UploadedFile>();
    public DbSet<Features.Portal.PendingSignUp> PendingSignUps => Set<Features.Portal.PendingSignUp>();
    public DbSet<Features.Portal.PortalDraft> PortalDrafts => Set<Features.Portal.PortalDraft>();
    public DbSet<Features.Portal.StoredDocument> StoredDocuments => Set<Features.Portal.StoredDocument>();
    public DbSet<Features.Tracking.TrackingAttempt> TrackingAttempts => Set<Features.Tracking.TrackingAttempt>();
    public DbSet<Features.Queue.ServiceCounter> ServiceCounters => Set<Features.Queue.ServiceCounter>();
    public DbSet<Features.Queue.BookingSlot> BookingSlots => Set<Features.Queue.BookingSlot>();
    public DbSet<Features.Queue.Booking> Bookings => Set<Features.Queue.Booking>();
    public DbSet<Features.Queue.QueueTicket> QueueTickets => Set<Features.Queue.QueueTicket>();
    public DbSet<Features.NationalPortal.NationalSync> NationalSyncs => Set<Features.NationalPortal.NationalSync>();
    public DbSet<Features.Documents.OfficialDocument> OfficialDocuments => Set<Features.Documents.OfficialDocument>();
    public DbSet<Features.Documents.DocumentAssignment> DocumentAssignments => Set<Features.Documents.DocumentAssignment>();
    public DbSet<Features.Documents.DocumentEvent> DocumentEvents => Set<Features.Documents.DocumentEvent>();
    public DbSet<Features.Documents.DocumentDraft> DocumentDrafts => Set<Features.Documents.DocumentDraft>();
    public DbSet<Features.Documents.WorkFile> WorkFiles => Set<Features.Documents.WorkFile>();
    public DbSet<Features.Documents.WorkFileItem> WorkFileItems => Set<Features.Documents.WorkFileItem>();
    public DbSet<Features.Documents.DocumentExchange> DocumentExchanges => Set<Features.Documents.DocumentExchange>();
    public DbSet<Features.Documents.DocumentExchangeStatus> DocumentExchangeStatuses => Set<Features.Documents.DocumentExchangeStatus>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        OrgUnit.Configure(builder);
        AppUser.Configure(builder);
        CalendarDay.Configure(builder);
        Procedure.Configure(builder);
        Dossier.Configure(builder);
        ReformModel.Configure(builder);
        OutboxMessage.Configure(builder);
        OneTimeCodeRecord.Configure(builder);
        JobLease.Configure(builder);
        IndicatorAggregate.Configure(builder);
        Features.Security.AuditRecord.Configure(builder);
        ApiClient.Configure(builder);
        Features.Webhooks.WebhookSubscription.Configure(builder);
        Features.Operations.ScheduledRun.Configure(builder);
        DecisionReason.Configure(builder);
        Alarm.Configure(builder);
        Payment.Configure(builder);
        SignedResult.Configure(builder);
        Features.Signing.SigningCertificate.Configure(builder);
        FeedbackItem.Configure(builder);
        Features.Portal.PortalModel.Configure(builder);
        Features.Tracking.TrackingAttempt.Configure(builder);
        Features.Files.UploadedFile.Configure(builder);
        Features.Assisted.AssistedSubmission.Configure(builder);
        Features.Queue.QueueModel.Configure(builder);
        Features.CitizenData.CitizenCheck.Configure(builder);
        Features.NationalPortal.NationalSync.Configure(builder);
        Features.Documents.DocumentsModel.Configure(builder);
        Features.Documents.DocumentExchangeModel.Configure(builder);
        Features.Meetings.Meeting.Configure(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC; SQLite gives them back unspecified, so say what they are.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Unit paths compare byte-wise, as on SQLite: the scope's prefix range then uses the path indexes (ReadDossiers.Visible).
        builder.Entity<Dossier>().Property(d => d.ReceivingUnitPath).UseCollation("C");
        builder.Entity<Dossier>().Property(d => d.CurrentUnitPath).UseCollation("C");
        // Codes too (ASCII): the code search's prefix range then uses the unique code index (ReadDossiers.ListAsync).
        builder.Entity<Dossier>().Property(d => d.Code).UseCollation("C");
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite migration set without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name))
            .Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL migration set without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=motcua_design")
            .Options);
}

/// <summary>Reads every stored instant back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

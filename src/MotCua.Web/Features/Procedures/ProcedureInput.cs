using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Procedures;

public sealed class FeeInput
{
    public FeeKind? Kind { get; set; }
    public string? Name { get; set; }
    public long? Amount { get; set; }

    public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Name) && Amount is null;
}

public sealed class DocumentInput
{
    public string? Name { get; set; }
    public DocumentKind? Kind { get; set; }
    public int? Count { get; set; }
    public bool Reusable { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && Count is null;
}

public sealed class StepInput
{
    public string? Name { get; set; }
    public UnitKind? UnitKind { get; set; }
    public string? UnitCode { get; set; }
    public StepRole? Role { get; set; }
    public int? WorkingDays { get; set; }
    public bool IsInterUnit { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && WorkingDays is null && string.IsNullOrWhiteSpace(UnitCode);
}

/// <summary>What an administrator may set on a procedure; validated the same way by the API and the pages.</summary>
public sealed partial class ProcedureInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public string? Levels { get; set; }
    public UnitKind? CompetentUnitKind { get; set; }
    public int? ProcessingDays { get; set; }
    public int? ProcessingHours { get; set; }
    public OnlineMode? OnlineMode { get; set; }
    public ResultKind? ResultKind { get; set; }
    public string? LegalBasis { get; set; }
    public List<FeeInput> Fees { get; set; } = [];
    public List<DocumentInput> Documents { get; set; } = [];
    public List<StepInput> Steps { get; set; } = [];

    [GeneratedRegex(@"^[0-9A-Za-z.\-]{1,40}$")]
    private static partial Regex CodePattern();

    /// <summary>Errors keyed by the field path ("Name", "Fees[0].Amount"); blank rows are dropped first.</summary>
    public Dictionary<string, string[]> Validate(IStringLocalizer t, bool creating)
    {
        Fees.RemoveAll(f => f.IsBlank);
        Documents.RemoveAll(d => d.IsBlank);
        Steps.RemoveAll(s => s.IsBlank);
        var errors = new Dictionary<string, string[]>();
        void Add(string key, string message) => errors[key] = [message];

        if (creating && (string.IsNullOrWhiteSpace(Code) || !CodePattern().IsMatch(Code.Trim())))
        {
            Add(nameof(Code), t["Mã thủ tục là bắt buộc, tối đa 40 ký tự gồm chữ, số, dấu chấm hoặc gạch ngang."]);
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 1000)
        {
            Add(nameof(Name), t["Tên thủ tục là bắt buộc, tối đa 1000 ký tự."]);
        }

        if (Field?.Length > 200)
        {
            Add(nameof(Field), t["Lĩnh vực tối đa 200 ký tự."]);
        }

        if (ProcessingDays is < 0 or > 3650)
        {
            Add(nameof(ProcessingDays), t["Thời hạn giải quyết phải từ 0 đến 3650 ngày làm việc."]);
        }

        if (ProcessingHours is < 1 or > 200)
        {
            Add(nameof(ProcessingHours), t["Thời hạn theo giờ làm việc phải từ 1 đến 200 giờ."]);
        }
        else if (ProcessingHours is not null && ProcessingDays is not null)
        {
            Add(nameof(ProcessingHours), t["Chỉ nhập thời hạn theo ngày hoặc theo giờ, không nhập cả hai."]);
        }

        for (var i = 0; i < Fees.Count; i++)
        {
            var f = Fees[i];
            if (f.Kind is null)
            {
                Add($"Fees[{i}].Kind", t["Chọn loại phí, lệ phí."]);
            }
            else if (f.Kind != FeeKind.SetByProvincialCouncil && f.Amount is null)
            {
                Add($"Fees[{i}].Amount", t["Nhập mức thu (đồng)."]);
            }

            if (f.Amount is < 0 or > 1_000_000_000_000)
            {
                Add($"Fees[{i}].Amount", t["Mức thu phải là số đồng không âm."]);
            }
        }

        for (var i = 0; i < Documents.Count; i++)
        {
            var d = Documents[i];
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 4000)
            {
                Add($"Documents[{i}].Name", t["Tên giấy tờ là bắt buộc, tối đa 4000 ký tự."]);
            }

            if (d.Count is < 1 or > 100)
            {
                Add($"Documents[{i}].Count", t["Số lượng phải từ 1 đến 100."]);
            }
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            var s = Steps[i];
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 300)
            {
                Add($"Steps[{i}].Name", t["Tên bước là bắt buộc, tối đa 300 ký tự."]);
            }

            if (s.WorkingDays is null or < 0 or > 3650)
            {
                Add($"Steps[{i}].WorkingDays", t["Số ngày làm việc của bước phải từ 0 đến 3650."]);
            }

            if (s.Role is null)
            {
                Add($"Steps[{i}].Role", t["Chọn vai trò thực hiện bước."]);
            }

            if (s.UnitKind is null && string.IsNullOrWhiteSpace(s.UnitCode))
            {
                Add($"Steps[{i}].UnitKind", t["Chọn loại đơn vị hoặc nhập mã đơn vị thực hiện."]);
            }
        }

        var budget = Steps.Sum(s => s.WorkingDays ?? 0);
        if (ProcessingDays is { } days && budget > days && !errors.Keys.Any(k => k.StartsWith("Steps", StringComparison.Ordinal)))
        {
            Add("Steps", t["Tổng số ngày của các bước ({0}) vượt thời hạn giải quyết ({1} ngày).", budget, days]);
        }

        return errors;
    }

    public void ApplyTo(Procedure p)
    {
        p.Name = Name!.Trim();
        p.Field = Field?.Trim() ?? "";
        p.Levels = string.Join(';', (Levels ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        p.CompetentUnitKind = CompetentUnitKind ?? p.CompetentUnitKind;
        if (ProcessingDays != p.ProcessingDays || ProcessingHours != p.ProcessingHours)
        {
            p.ProcessingTimeIsDemo = false;
        }

        p.ProcessingDays = ProcessingDays;
        p.ProcessingHours = ProcessingHours;
        var oldFees = p.Fees;
        p.Fees = [.. Fees.Select((f, i) => new FeeItem
        {
            Kind = f.Kind!.Value,
            Name = string.IsNullOrWhiteSpace(f.Name) ? "Lệ phí" : f.Name.Trim(),
            Amount = f.Amount,
            // A value the administrator left untouched keeps its demo mark.
            IsDemoValue = i < oldFees.Count && oldFees[i].IsDemoValue && oldFees[i].Amount == f.Amount && oldFees[i].Kind == f.Kind,
        })];
        p.Documents = [.. Documents.Select(d => new RequiredDocument { Name = d.Name!.Trim(), Kind = d.Kind ?? DocumentKind.Original, Count = d.Count ?? 1, Reusable = d.Reusable })];
        p.Steps = [.. Steps.Select((s, i) => new TemplateStep
        {
            Order = i + 1,
            Name = s.Name!.Trim(),
            UnitKind = s.UnitKind ?? UnitKind.Office,
            UnitCode = string.IsNullOrWhiteSpace(s.UnitCode) ? null : s.UnitCode.Trim(),
            Role = s.Role!.Value,
            WorkingDays = s.WorkingDays!.Value,
            IsInterUnit = s.IsInterUnit,
        })];
        if (OnlineMode is { } mode && mode != p.OnlineMode)
        {
            p.OnlineMode = mode;
            p.OnlineModeIsDemo = false;
        }

        p.ResultKind = ResultKind ?? p.ResultKind;
        p.LegalBasis = string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim();
        p.RefreshSearch();
    }

    public static ProcedureInput From(Procedure p) => new()
    {
        Code = p.Code,
        Name = p.Name,
        Field = p.Field,
        Levels = p.Levels,
        CompetentUnitKind = p.CompetentUnitKind,
        ProcessingDays = p.ProcessingDays,
        ProcessingHours = p.ProcessingHours,
        OnlineMode = p.OnlineMode,
        ResultKind = p.ResultKind,
        LegalBasis = p.LegalBasis,
        Fees = [.. p.Fees.Select(f => new FeeInput { Kind = f.Kind, Name = f.Name, Amount = f.Amount })],
        Documents = [.. p.Documents.Select(d => new DocumentInput { Name = d.Name, Kind = d.Kind, Count = d.Count, Reusable = d.Reusable })],
        Steps = [.. p.Steps.OrderBy(s => s.Order).Select(s => new StepInput { Name = s.Name, UnitKind = s.UnitKind, UnitCode = s.UnitCode, Role = s.Role, WorkingDays = s.WorkingDays, IsInterUnit = s.IsInterUnit })],
    };
}

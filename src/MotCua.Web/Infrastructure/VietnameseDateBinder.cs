using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Binds <see cref="DateOnly"/> and <c>DateOnly?</c> page properties and handler parameters from dd/MM/yyyy (what the
/// date boxes show) or ISO yyyy-MM-dd (links, tests), never from the browser's or server's culture.
/// </summary>
public sealed class VietnameseDateBinder(bool nullable) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty box is "no date" for DateOnly?, and the default for DateOnly (as the framework's binder does).
            bindingContext.Result = nullable ? ModelBindingResult.Success(null) : ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        if (DayMonthYear.TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }

        var t = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["Ngày \"{0}\" không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 07/12/2026.", text].Value);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class VietnameseDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DateOnly) ? new VietnameseDateBinder(nullable: false)
        : context.Metadata.ModelType == typeof(DateOnly?) ? new VietnameseDateBinder(nullable: true)
        : null;
}

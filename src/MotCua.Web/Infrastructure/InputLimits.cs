using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Web.Infrastructure;

/// <summary>A JSON string longer than any field the application stores: refused while reading, before any handler runs.</summary>
public sealed class StringTooLongException(int max) : JsonException($"string longer than {max} characters")
{
    public int Max { get; } = max;
}

/// <summary>Reads every JSON string with a length cap, so that a megabyte in a name field is a 400 and never reaches the database; text comes out in NFC.</summary>
public sealed class BoundedStringConverter(int max) : JsonConverter<string>
{
    public const int DefaultMax = 10_000;

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        // Escapes only shrink text, so the raw length is a cheap upper bound before allocating.
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var value = reader.GetString()!;
        if (raw > max && value.Length > max)
        {
            throw new StringTooLongException(max);
        }

        return UnicodeText.Nfc(value);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A value longer than its column: the same 400 on SQLite (which would store it) and PostgreSQL (which would fail).</summary>
public sealed class ValueTooLongException(string field, int max) : Exception($"{field} longer than {max}")
{
    public string Field { get; } = field;
    public int Max { get; } = max;
}

/// <summary>Checks every added or changed string against the model's maximum length before anything is written.</summary>
public sealed class MaxLengthGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string s && property.Metadata.GetMaxLength() is { } max && s.Length > max)
                {
                    throw new ValueTooLongException(JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name), max);
                }
            }
        }
    }
}

using RedYifang.Functions.Platform.Periods;

namespace RedYifang.Functions.Platform.Problems;

/// <summary>Collects per-field validation messages; <see cref="ThrowIfInvalid"/> turns them into a 400.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<LocalizedText>> _errors = new(StringComparer.Ordinal);

    public static readonly LocalizedText Required = new("必填", "is required");
    public static readonly LocalizedText WrongType = new("类型不正确", "has the wrong type");
    public static readonly LocalizedText NotAnId = new("不是有效的标识", "is not a valid id");

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, LocalizedText message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public T? RequiredValue<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, Required);
        return value;
    }

    /// <summary>Trims, requires a value when asked, and bounds its length in characters.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Add(field, Required);
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            Add(field, new LocalizedText("长度不能超过 {0} 个字符", "must be at most {0} characters").Format(maxLength));
        }
        if (trimmed.Any(char.IsControl))
        {
            Add(field, new("不能包含控制字符", "may not contain control characters"));
        }
        return trimmed;
    }

    /// <summary>
    /// An identifier the app could have issued (<see cref="Storage.Keys.IsWellFormedId"/>), as it was sent: one with white
    /// space around it (a newline after it) is refused, never trimmed into an id (the contract's patterns end at the end of
    /// the value, as the period's does). Absent or blank, it is <see cref="Required"/> when required, as with <see cref="Text"/>.
    /// </summary>
    public string? Id(string field, string? value, bool required = true)
    {
        if (Storage.Keys.IsWellFormedId(value)) return value;
        if (!string.IsNullOrWhiteSpace(value)) Add(field, NotAnId);
        else if (required) Add(field, Required);
        return null;
    }

    public int? Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, Required);
            return null;
        }
        if (value < min || value > max)
        {
            Add(field, new LocalizedText("取值范围为 {0}–{1}", "must be between {0} and {1}").Format(min, max));
        }
        return value;
    }

    public TEnum? OneOf<TEnum>(string field, string? value, bool required = true) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, Required);
            return null;
        }
        if (EnumText.TryParse<TEnum>(value, out var parsed)) return parsed;
        Add(field, new LocalizedText("取值必须是以下之一：{0}", "must be one of: {0}")
            .Format(string.Join(", ", EnumText.Names<TEnum>())));
        return null;
    }

    /// <summary>A period (<c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c>, China Standard Time); null when absent or malformed.</summary>
    public Period? Period(string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) Add(field, Required);
            return null;
        }
        if (Periods.Period.TryParse(value, out var period)) return period;
        Add(field, new("须为 2026-11、2026-Q4 或 2026", "must be like 2026-11, 2026-Q4 or 2026"));
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw Problems.Validation(_errors.ToDictionary(e => e.Key, e => (IReadOnlyList<LocalizedText>)e.Value));
        }
    }
}

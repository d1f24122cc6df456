using System;
using System.Collections.Generic;
using System.Linq;
using FluentValidation;
using FluentValidation.Results;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// One validation rule of <see cref="PatientFactsRules"/>: the member it names, when it fails, its code and its
/// message. FluentValidation runs it (<see cref="FactRulesValidator{T}"/>, the validator that writes problems), and
/// <see cref="PatientFactsPreCheck"/> runs the same test without allocating, so the two cannot differ.
/// </summary>
/// <typeparam name="T">The record the rule checks.</typeparam>
internal class FactRule<T>
{
    private readonly Func<T, ClinicalDate, bool> _fails;
    private readonly Func<T, ClinicalDate, string> _message;

    public FactRule(string member, string code, Func<T, ClinicalDate, bool> fails, Func<T, ClinicalDate, string> message)
    {
        Member = member;
        Code = code;
        _fails = fails;
        _message = message;
    }

    /// <summary>The member the problem names (the C# property name; paths are camelCased when reported).</summary>
    public string Member { get; }

    /// <summary>The problem code (<see cref="ErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>Whether <paramref name="value"/> passes, without allocating.</summary>
    public virtual bool Passes(T value, ClinicalDate evaluation) => !_fails(value, evaluation);

    /// <summary>Adds the rule's failure, if any, to a FluentValidation context.</summary>
    public virtual void Report(T value, ClinicalDate evaluation, ValidationContext<T> context)
    {
        if (_fails(value, evaluation))
        {
            Add(context, Member, _message(value, evaluation));
        }
    }

    protected void Add(ValidationContext<T> context, string member, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(member), message) { ErrorCode = Code });
}

/// <summary>A rule on each item of a list member (a list of enum values), naming the item (<c>Indications[2]</c>).</summary>
internal sealed class EachItemRule<T, TItem> : FactRule<T>
{
    private readonly Func<T, IReadOnlyList<TItem>> _items;
    private readonly Func<TItem, bool> _fails;
    private readonly string _message;

    public EachItemRule(string member, string code, Func<T, IReadOnlyList<TItem>> items, Func<TItem, bool> fails, string message)
        : base(member, code, (_, _) => false, (_, _) => message)
    {
        _items = items;
        _fails = fails;
        _message = message;
    }

    public override bool Passes(T value, ClinicalDate evaluation)
    {
        var items = _items(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (_fails(items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override void Report(T value, ClinicalDate evaluation, ValidationContext<T> context)
    {
        var items = _items(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (_fails(items[i]))
            {
                Add(context, Member + "[" + i + "]", _message);
            }
        }
    }
}

/// <summary>A FluentValidation validator made of a table of <see cref="FactRule{T}"/>s, one FluentValidation rule each.</summary>
internal sealed class FactRulesValidator<T> : AbstractValidator<T>
{
    /// <summary>The key under which the evaluation date travels in <see cref="ValidationContext{T}.RootContextData"/>.</summary>
    public const string EvaluationDateKey = "evaluationDate";

    public FactRulesValidator(IEnumerable<FactRule<T>> rules)
    {
        foreach (var rule in rules)
        {
            RuleFor(x => x).Custom((x, context) => rule.Report(x, EvaluationDate(context), context));
        }
    }

    private static ClinicalDate EvaluationDate(ValidationContext<T> context) =>
        context.RootContextData.TryGetValue(EvaluationDateKey, out var date) && date is ClinicalDate d ? d : default;
}

/// <summary>A date that, when given, must not be after the evaluation date: one delegate call to test.</summary>
internal sealed class NotAfterRule<T> : FactRule<T>
{
    private readonly Func<T, ClinicalDate?> _date;

    public NotAfterRule(string member, Func<T, ClinicalDate?> date, string what)
        : base(member, ErrorCodes.DateInFuture, (x, e) => date(x) is { } d && d > e, (x, e) => PatientFactsRules.NotAfterMessage(what, date(x), e))
    {
        _date = date;
    }

    public override bool Passes(T value, ClinicalDate evaluation) => !(_date(value) is { } d && d > evaluation);
}

/// <summary>A value that must be a defined value of its enum (as FluentValidation's <c>IsInEnum</c>), tested by an array lookup.</summary>
internal sealed class DefinedRule<T> : FactRule<T>
{
    private readonly Func<T, int> _value;
    private readonly bool[] _defined;

    public DefinedRule(string member, Type enumType, Func<T, int> value, string message)
        : this(member, DefinedValues(enumType), value, message)
    {
    }

    private DefinedRule(string member, bool[] defined, Func<T, int> value, string message)
        : base(member, ErrorCodes.UnknownValue, (x, _) => !IsDefined(defined, value(x)), (_, _) => message)
    {
        _value = value;
        _defined = defined;
    }

    /// <summary>A value that is not a number stands for an absent optional enum, which passes.</summary>
    public const int Absent = int.MinValue;

    public override bool Passes(T value, ClinicalDate evaluation) => IsDefined(_defined, _value(value));

    private static bool IsDefined(bool[] defined, int value) => value == Absent || ((uint)value < (uint)defined.Length && defined[value]);

    /// <summary>Which small non-negative numbers are defined values of <paramref name="enumType"/>.</summary>
    private static bool[] DefinedValues(Type enumType)
    {
        var numbers = Enum.GetValues(enumType).Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (numbers.Any(n => n < 0))
        {
            throw new InvalidOperationException($"{enumType.Name} has a negative value; {nameof(DefinedRule<T>)} reads only non-negative ones.");
        }

        var defined = new bool[numbers.Max() + 1];
        foreach (var n in numbers)
        {
            defined[n] = true;
        }

        return defined;
    }
}

/// <summary>Which values of <typeparamref name="TEnum"/> are defined (as FluentValidation's <c>IsInEnum</c>), looked up without allocating.</summary>
internal static class DefinedValues<TEnum>
    where TEnum : struct, Enum
{
    private static readonly HashSet<TEnum> Values = new(Enum.GetValues(typeof(TEnum)).Cast<TEnum>());

    public static bool Contains(TEnum value) => Values.Contains(value);
}

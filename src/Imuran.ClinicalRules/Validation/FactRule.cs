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

/// <summary>Which values of <typeparamref name="TEnum"/> are defined (as FluentValidation's <c>IsInEnum</c>), looked up without allocating.</summary>
internal static class DefinedValues<TEnum>
    where TEnum : struct, Enum
{
    private static readonly HashSet<TEnum> Values = new(Enum.GetValues(typeof(TEnum)).Cast<TEnum>());

    public static bool Contains(TEnum value) => Values.Contains(value);
}

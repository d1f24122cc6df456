using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using FluentValidation;
using FluentValidation.Results;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// One validation rule of <see cref="PatientFactsRules"/>: the member it names, when it fails (an expression), its
/// code and its message. FluentValidation runs it (<see cref="FactRulesValidator{T}"/>, the validator that writes
/// problems); <see cref="PatientFactsPreCheck"/> compiles the same expressions of a whole table into one method, so
/// the two cannot differ.
/// </summary>
/// <typeparam name="T">The record the rule checks.</typeparam>
internal class FactRule<T>
{
    private readonly Expression<Func<T, ClinicalDate, bool>>? _fails;
    private readonly Func<T, ClinicalDate, string>? _message;
    private Func<T, ClinicalDate, bool>? _compiled;

    /// <param name="member">The member the problem names.</param>
    /// <param name="code">The problem code.</param>
    /// <param name="fails">When the rule fails (null for a subclass that states it in <see cref="Fails"/>).</param>
    /// <param name="message">The problem's message (null for a subclass that writes it in <see cref="Message"/>).</param>
    public FactRule(string member, string code, Expression<Func<T, ClinicalDate, bool>>? fails, Func<T, ClinicalDate, string>? message)
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

    /// <summary>
    /// The rule's failure test as an expression over <paramref name="value"/> and <paramref name="evaluation"/> (true
    /// when the rule fails): what both the validator and the pre-check run.
    /// </summary>
    public virtual Expression Fails(ParameterExpression value, ParameterExpression evaluation) =>
        Bind(_fails ?? throw new InvalidOperationException($"The rule on {Member} states no failure test."), value, evaluation);

    /// <summary>The problem's message for a failing <paramref name="value"/>.</summary>
    protected virtual string Message(T value, ClinicalDate evaluation) => _message!(value, evaluation);

    /// <summary>Whether <paramref name="value"/> fails (the test compiled on first use).</summary>
    public bool Failing(T value, ClinicalDate evaluation)
    {
        var compiled = _compiled ?? LazyInitializer.EnsureInitialized(ref _compiled, () => Compile(this))!;
        return compiled(value, evaluation);
    }

    /// <summary>Adds the rule's failure, if any, to a FluentValidation context.</summary>
    public virtual void Report(T value, ClinicalDate evaluation, ValidationContext<T> context)
    {
        if (Failing(value, evaluation))
        {
            Add(context, Member, Message(value, evaluation));
        }
    }

    /// <summary>
    /// One method that is true when every rule of <paramref name="rules"/> passes: their failure tests joined with
    /// "or", in the table's order, compiled once (what <see cref="PatientFactsPreCheck"/> runs).
    /// </summary>
    public static Func<T, ClinicalDate, bool> CompileAllPass(IReadOnlyList<FactRule<T>> rules)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var evaluation = Expression.Parameter(typeof(ClinicalDate), "evaluation");
        Expression? anyFails = null;
        foreach (var rule in rules)
        {
            var fails = rule.Fails(value, evaluation);
            anyFails = anyFails is null ? fails : Expression.OrElse(anyFails, fails);
        }

        return CompileLambda(Expression.Lambda<Func<T, ClinicalDate, bool>>(Expression.Not(anyFails ?? Expression.Constant(false)), value, evaluation));
    }

    protected void Add(ValidationContext<T> context, string member, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyChain.BuildPropertyPath(member), message) { ErrorCode = Code });

    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>.</summary>
    protected static Expression Bind(LambdaExpression lambda, params Expression[] arguments)
    {
        var body = lambda.Body;
        for (var i = 0; i < arguments.Length; i++)
        {
            body = new ParameterReplacer(lambda.Parameters[i], arguments[i]).Visit(body);
        }

        return body;
    }

    /// <summary>A delegate from a lambda: FastExpressionCompiler on net8.0+, the runtime's compiler otherwise.</summary>
    internal static TDelegate CompileLambda<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
#if NET8_0_OR_GREATER
        return FastExpressionCompiler.ExpressionCompiler.CompileFast(lambda, ifFastFailedReturnNull: true) ?? lambda.Compile();
#else
        return lambda.Compile();
#endif
    }

    private static Func<T, ClinicalDate, bool> Compile(FactRule<T> rule)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var evaluation = Expression.Parameter(typeof(ClinicalDate), "evaluation");
        return CompileLambda(Expression.Lambda<Func<T, ClinicalDate, bool>>(rule.Fails(value, evaluation), value, evaluation));
    }
}

/// <summary>A rule on each item of a list member (a list of enum values), naming the item (<c>Indications[2]</c>).</summary>
internal sealed class EachItemRule<T, TItem> : FactRule<T>
{
    private static readonly System.Reflection.MethodInfo AnyFailsMethod = typeof(EachItemRule<T, TItem>).GetMethod(nameof(AnyFails), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private readonly Expression<Func<T, IReadOnlyList<TItem>>> _items;
    private readonly Func<TItem, bool> _fails;
    private readonly string _message;
    private Func<T, IReadOnlyList<TItem>>? _itemsOf;

    public EachItemRule(string member, string code, Expression<Func<T, IReadOnlyList<TItem>>> items, Func<TItem, bool> fails, string message)
        : base(member, code, null, (_, _) => message)
    {
        _items = items;
        _fails = fails;
        _message = message;
    }

    /// <inheritdoc />
    public override Expression Fails(ParameterExpression value, ParameterExpression evaluation) =>
        Expression.Call(AnyFailsMethod, Bind(_items, value), Expression.Constant(_fails));

    public override void Report(T value, ClinicalDate evaluation, ValidationContext<T> context)
    {
        var items = (_itemsOf ??= CompileLambda(_items))(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (_fails(items[i]))
            {
                Add(context, Member + "[" + i + "]", _message);
            }
        }
    }

    private static bool AnyFails(IReadOnlyList<TItem> items, Func<TItem, bool> fails)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (fails(items[i]))
            {
                return true;
            }
        }

        return false;
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

/// <summary>A date that, when given, must not be after the evaluation date.</summary>
internal sealed class NotAfterRule<T> : FactRule<T>
{
    private static readonly System.Reflection.MethodInfo AfterMethod = typeof(PatientFactsRules).GetMethod(nameof(PatientFactsRules.AfterEvaluation), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private readonly Expression<Func<T, ClinicalDate?>> _date;
    private readonly string _what;
    private Func<T, ClinicalDate?>? _dateOf;

    public NotAfterRule(string member, Expression<Func<T, ClinicalDate?>> date, string what)
        : base(member, ErrorCodes.DateInFuture, null, null)
    {
        _date = date;
        _what = what;
    }

    /// <inheritdoc />
    protected override string Message(T value, ClinicalDate evaluation) =>
        PatientFactsRules.NotAfterMessage(_what, (_dateOf ??= CompileLambda(_date))(value), evaluation);

    /// <inheritdoc />
    public override Expression Fails(ParameterExpression value, ParameterExpression evaluation) =>
        // false when the date or the evaluation date is absent.
        Expression.Call(AfterMethod, Bind(_date, value), evaluation);
}

/// <summary>
/// A text that, when given, must be valid Unicode: no lone UTF-16 surrogate (<c>INVALID_TEXT</c>). The JSON reader
/// refuses one as it reads; facts a host built in code are checked here, since every output echoes the text and a lone
/// surrogate would be written as U+FFFD, not as given. One pass over the text's characters, allocation-free.
/// </summary>
internal sealed class ValidTextRule<T> : FactRule<T>
{
    private static readonly System.Reflection.MethodInfo HasLoneSurrogateMethod = typeof(Internal.UnicodeText).GetMethod(nameof(Internal.UnicodeText.HasLoneSurrogate))!;

    private readonly Expression<Func<T, string?>> _text;
    private Func<T, string?>? _textOf;

    public ValidTextRule(string member, Expression<Func<T, string?>> text)
        : base(member, ErrorCodes.InvalidText, null, null)
    {
        _text = text;
    }

    /// <inheritdoc />
    protected override string Message(T value, ClinicalDate evaluation) =>
        PatientFactsRules.LoneSurrogateMessage((_textOf ??= CompileLambda(_text))(value));

    /// <inheritdoc />
    public override Expression Fails(ParameterExpression value, ParameterExpression evaluation) =>
        Expression.Call(HasLoneSurrogateMethod, Bind(_text, value));
}

/// <summary>A value that must be a defined value of its enum (as FluentValidation's <c>IsInEnum</c>), tested by an array lookup.</summary>
internal sealed class DefinedRule<T> : FactRule<T>
{
    private static readonly System.Reflection.MethodInfo IsDefinedMethod = typeof(DefinedLookup).GetMethod(nameof(DefinedLookup.IsDefined))!;

    private readonly Expression<Func<T, int>> _value;
    private readonly bool[] _defined;

    public DefinedRule(string member, Type enumType, Expression<Func<T, int>> value, string message)
        : base(member, ErrorCodes.UnknownValue, null, (_, _) => message)
    {
        _value = value;
        _defined = DefinedValues(enumType);
    }

    /// <summary>A value that is not a number stands for an absent optional enum, which passes.</summary>
    public const int Absent = int.MinValue;

    /// <inheritdoc />
    public override Expression Fails(ParameterExpression value, ParameterExpression evaluation) =>
        Expression.Not(Expression.Call(IsDefinedMethod, Expression.Constant(_defined), Bind(_value, value)));

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

/// <summary>The test of <see cref="DefinedRule{T}"/>, in a non-generic class so compiled rule tables call it directly.</summary>
internal static class DefinedLookup
{
    /// <summary>Whether <paramref name="value"/> is absent (<see cref="DefinedRule{T}.Absent"/>) or marked in <paramref name="defined"/>.</summary>
    public static bool IsDefined(bool[] defined, int value) => value == int.MinValue || ((uint)value < (uint)defined.Length && defined[value]);
}

/// <summary>Which values of <typeparamref name="TEnum"/> are defined (as FluentValidation's <c>IsInEnum</c>), looked up without allocating.</summary>
internal static class DefinedValues<TEnum>
    where TEnum : struct, Enum
{
    private static readonly HashSet<TEnum> Values = new(Enum.GetValues(typeof(TEnum)).Cast<TEnum>());

    public static bool Contains(TEnum value) => Values.Contains(value);
}

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Values, not spellings: evaluates ports, address texts, <see cref="System.Net.IPAddress"/> and
/// <see cref="System.Net.IPEndPoint"/> expressions through constants, locals the walk has seen assigned, and
/// <c>static readonly</c> fields initialised in the same file.
/// </summary>
internal sealed class ValueEvaluator
{
    private const int MaxFieldDepth = 4;

    private readonly SocketSymbols _symbols;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private int _fieldDepth;

    public ValueEvaluator(SocketSymbols symbols, SemanticModel model, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public TrackedValue Evaluate(IOperation? operation, FlowState state)
    {
        operation = operation.WithoutConversions();
        if (operation is null)
        {
            return TrackedValue.Unknown;
        }

        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            return TrackedValue.FromConstant(constant);
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return state.GetValue(local.Local);
            case IParameterReferenceOperation parameter:
                return state.GetValue(parameter.Parameter);
            case IFieldReferenceOperation field:
                return EvaluateField(field.Field, state);
            case IConditionalOperation { WhenFalse: not null } conditional:
                var whenTrue = Evaluate(conditional.WhenTrue, state);
                var whenFalse = Evaluate(conditional.WhenFalse, state);
                return whenTrue.Equals(whenFalse) ? whenTrue : BothWildcards(whenTrue, whenFalse);
            case IInvocationOperation invocation when _symbols.Is(invocation.TargetMethod.ContainingType, _symbols.IPAddress)
                && invocation.TargetMethod.Name == "Parse" && invocation.Arguments.Length == 1:
                return Evaluate(invocation.Arguments[0].Value, state).Constant is string text
                    ? TrackedValue.FromAddress(WildcardAddress.Classify(text))
                    : TrackedValue.Unknown;
            case IObjectCreationOperation creation when _symbols.Is(creation.Type, _symbols.IPAddress) && creation.Arguments.Length >= 1:
                var argument = creation.Arguments[0].Value.WithoutConversions();
                if (argument is IArrayCreationOperation { Initializer: { } bytes })
                {
                    // new IPAddress(new byte[] { 0, 0, 0, 0 }) — the address written out byte by byte.
                    return TrackedValue.FromAddress(AddressOfBytes(bytes.ElementValues));
                }

                if (argument is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } zeros)
                {
                    // new IPAddress(new byte[16]): all zeros, the wildcard of its family.
                    return TrackedValue.FromAddress(zeros.DimensionSizes[0].ConstantValue.Value switch
                    {
                        4 => AddressKind.WildcardIPv4,
                        16 => AddressKind.WildcardIPv6,
                        _ => AddressKind.Unknown,
                    });
                }

                return creation.Arguments.Length == 1 && Evaluate(argument, state).Constant is long or int
                    ? TrackedValue.FromAddress(WildcardAddress.ClassifyIPv4(System.Convert.ToInt64(Evaluate(argument, state).Constant)))
                    : TrackedValue.Unknown;
            case IObjectCreationOperation creation when _symbols.Is(creation.Type, _symbols.IPEndPoint) && creation.Arguments.Length == 2:
                var endPoint = creation.Arguments.InParameterOrder();
                return EndPoint(endPoint[0].Value, endPoint[1].Value, state);
            default:
                return TrackedValue.Unknown;
        }
    }

    /// <summary>
    /// <c>v6 ? new IPEndPoint(IPAddress.IPv6Any, p) : new IPEndPoint(IPAddress.Any, p)</c> binds a wildcard either way;
    /// the value keeps the first arm's family, for the message.
    /// </summary>
    private static TrackedValue BothWildcards(TrackedValue first, TrackedValue second)
    {
        if (!first.Address.IsWildcard() || !second.Address.IsWildcard() || first.IsEndPoint != second.IsEndPoint)
        {
            return TrackedValue.Unknown;
        }

        var handedIn = first.IsHandedIn || second.IsHandedIn;
        return first.IsEndPoint
            ? TrackedValue.FromEndPoint(first.Address, first.Port == second.Port ? first.Port : null, handedIn)
            : handedIn ? TrackedValue.FromAddress(first.Address).HandedIn() : TrackedValue.FromAddress(first.Address);
    }

    /// <summary>An endpoint from an address (IPAddress or the long form) and a port.</summary>
    public TrackedValue EndPoint(IOperation address, IOperation port, FlowState state)
    {
        var value = Evaluate(address, state);
        var kind = value.Constant is long or int
            ? WildcardAddress.ClassifyIPv4(System.Convert.ToInt64(value.Constant))
            : value.Address;
        return TrackedValue.FromEndPoint(kind, Evaluate(port, state).AsPort(), value.IsHandedIn);
    }

    private static AddressKind AddressOfBytes(System.Collections.Immutable.ImmutableArray<IOperation> elements)
    {
        if (elements.Length is not (4 or 16))
        {
            return AddressKind.Unknown;
        }

        var bytes = new byte[elements.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (elements[i].ConstantValue is not { HasValue: true, Value: var value } || value is null)
            {
                return AddressKind.Unknown;
            }

            bytes[i] = System.Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return WildcardAddress.Classify(new System.Net.IPAddress(bytes).ToString());
    }

    private TrackedValue EvaluateField(IFieldSymbol field, FlowState state)
    {
        if (_symbols.Is(field.ContainingType, _symbols.IPAddress))
        {
            return field.Name switch
            {
                "Any" => TrackedValue.FromAddress(AddressKind.WildcardIPv4),
                "IPv6Any" or "IPv6None" => TrackedValue.FromAddress(AddressKind.WildcardIPv6),
                "Loopback" => TrackedValue.FromAddress(AddressKind.LoopbackIPv4),
                "IPv6Loopback" => TrackedValue.FromAddress(AddressKind.LoopbackIPv6),
                _ => TrackedValue.FromAddress(AddressKind.Specific),
            };
        }

        // static readonly fields: read their initializer when it sits in the file we already have a model for.
        if (!field.IsStatic || !field.IsReadOnly || _fieldDepth >= MaxFieldDepth)
        {
            return TrackedValue.Unknown;
        }

        var initializer = field.DeclaringSyntaxReferences
            .Where(r => r.SyntaxTree == _model.SyntaxTree)
            .Select(r => r.GetSyntax(_cancellationToken))
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Select(d => d.Initializer)
            .FirstOrDefault();
        if (initializer is null || _model.GetOperation(initializer, _cancellationToken) is not IFieldInitializerOperation operation)
        {
            return TrackedValue.Unknown;
        }

        _fieldDepth++;
        try
        {
            return Evaluate(operation.Value, state);
        }
        finally
        {
            _fieldDepth--;
        }
    }
}

internal static class OperationExtensions
{
    /// <summary>
    /// Arguments by parameter position. <c>Arguments</c> lists them in evaluation order, so named arguments written
    /// out of order (<c>new UdpClient(family: f, port: 0)</c>) would otherwise be read as the wrong parameter.
    /// </summary>
    public static ImmutableArray<IArgumentOperation> InParameterOrder(this ImmutableArray<IArgumentOperation> arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is not { } parameter)
            {
                return arguments; // Unresolved call: no parameters to order by.
            }

            if (parameter.Ordinal != i)
            {
                return arguments.OrderBy(a => a.Parameter!.Ordinal).ToImmutableArray();
            }
        }

        return arguments;
    }

    public static IOperation? WithoutConversions(this IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool? AsBoolean(this TrackedValue value) => value.Constant switch
    {
        bool b => b,
        int i => i != 0,
        _ => null,
    };
}

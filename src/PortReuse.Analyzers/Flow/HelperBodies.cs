using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Where the walker finds the body of a helper it inlines: in the analysed block's own file through the model the
/// driver handed us, or — only for a call that hands the helper a socket or an address that matters — in another
/// file of the compilation (a partial class split over files, a static socket-setup class).
/// </summary>
/// <remarks>
/// Why a semantic model of the other file, asked for at the call, and not a compilation-wide summary of helpers:
/// a summary would have to be joined with call sites at CompilationEnd, and diagnostics reported there need the
/// CompilationEnd tag and never show live in the IDE — PR0001/PR0002 must. <c>Compilation.GetSemanticModel</c> is
/// banned (RS0030, RS1030) because a fresh model rebinds a whole file; under the analyzer driver (command line and
/// IDE both analyse through <c>CompilationWithAnalyzers</c>) the compilation carries the driver's caching model
/// provider, so the call returns the model the driver already holds for that file, and <c>GetOperation</c> binds only
/// the helper's body. Models are kept for one walk only (one code block), never across blocks or compilations;
/// a model is thread-safe and its operations depend only on the compilation, so results stay deterministic.
/// </remarks>
internal sealed class HelperBodies
{
    private readonly SemanticModel _model;
    private readonly SpelledWords _words;
    private readonly CancellationToken _cancellationToken;
    private Dictionary<SyntaxTree, SemanticModel>? _otherFiles;

    public HelperBodies(SemanticModel model, SpelledWords words, CancellationToken cancellationToken)
    {
        _model = model;
        _words = words;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The block or expression body of an ordinary source method; null for anything we should not inline.</summary>
    /// <param name="method">The called method's original definition.</param>
    /// <param name="mayReadOtherFiles">Whether the call hands the helper something that matters to the rules.</param>
    public IOperation? Of(IMethodSymbol method, bool mayReadOtherFiles)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var inThisFile = reference.SyntaxTree == _model.SyntaxTree;
            if (!inThisFile && !mayReadOtherFiles)
            {
                continue;
            }

            var declaration = reference.GetSyntax(_cancellationToken);
            if (!SocketNameFilter.MayTouchSockets(declaration, _words, _cancellationToken))
            {
                continue;
            }

            var model = inThisFile ? _model : ModelOf(reference.SyntaxTree);
            if (model?.GetOperation(declaration, _cancellationToken) is IMethodBodyOperation body)
            {
                return (IOperation?)body.BlockBody ?? body.ExpressionBody;
            }
        }

        return null;
    }

    private SemanticModel? ModelOf(SyntaxTree tree)
    {
        var compilation = _model.Compilation;
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null; // A method from a referenced compilation's source: not ours to bind.
        }

        _otherFiles ??= new Dictionary<SyntaxTree, SemanticModel>();
        if (!_otherFiles.TryGetValue(tree, out var model))
        {
#pragma warning disable RS0030, RS1030 // The driver's cached model for the helper's file; see the remarks above.
            model = compilation.GetSemanticModel(tree);
#pragma warning restore RS0030, RS1030
            _otherFiles[tree] = model;
        }

        return model;
    }
}

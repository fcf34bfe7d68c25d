// The Cypher dialect of Meninx: an openCypher subset for reading and writing a property graph.
//
// Keywords are case-insensitive (spelled with one-letter fragments). Expressions follow the
// openCypher precedence, from loosest to tightest: OR, XOR, AND, NOT, comparison, string/list/null
// predicates, + -, * / %, ^, unary + -, then postfix property access, indexing, slicing and label
// tests. The lexer never fails: characters it does not know, unterminated strings and comments
// become tokens of their own, so that the parser reports every problem in order and in words.
grammar Cypher;

// ---------------------------------------------------------------------------------------------
// Statements and clauses
// ---------------------------------------------------------------------------------------------

statement : ( K_EXPLAIN | K_PROFILE )? query SEMI? EOF ;

query : singleQuery unionPart* ;

unionPart : K_UNION K_ALL? singleQuery ;

singleQuery : clause+ ;

clause
    : matchClause
    | unwindClause
    | withClause
    | returnClause
    | createClause
    | mergeClause
    | setClause
    | removeClause
    | deleteClause
    | callClause
    | callSubquery
    ;

matchClause : K_OPTIONAL? K_MATCH pattern whereClause? ;

whereClause : K_WHERE expression ;

unwindClause : K_UNWIND expression K_AS variable ;

withClause : K_WITH projectionBody whereClause? ;

returnClause : K_RETURN projectionBody ;

projectionBody : K_DISTINCT? projectionItems orderClause? skipClause? limitClause? ;

projectionItems
    : STAR ( COMMA projectionItem )*
    | projectionItem ( COMMA projectionItem )*
    ;

projectionItem : expression ( K_AS variable )? ;

orderClause : K_ORDER K_BY sortItem ( COMMA sortItem )* ;

sortItem : expression ( K_ASCENDING | K_ASC | K_DESCENDING | K_DESC )? ;

skipClause : K_SKIP expression ;

limitClause : K_LIMIT expression ;

createClause : K_CREATE pattern ;

mergeClause : K_MERGE patternPart mergeAction* ;

mergeAction : K_ON ( K_MATCH | K_CREATE ) K_SET setItem ( COMMA setItem )* ;

setClause : K_SET setItem ( COMMA setItem )* ;

setItem
    : propertyExpression EQ expression
    | variable EQ expression
    | variable PLUS_EQ expression
    | variable nodeLabels
    ;

removeClause : K_REMOVE removeItem ( COMMA removeItem )* ;

removeItem
    : variable nodeLabels
    | propertyExpression
    ;

deleteClause : K_DETACH? K_DELETE expression ( COMMA expression )* ;

callClause : K_CALL procedureName procedureArguments? yieldClause? ;

callSubquery : K_CALL LBRACE query RBRACE ;

procedureArguments : LPAREN ( expression ( COMMA expression )* )? RPAREN ;

procedureName : qualifiedName ;

yieldClause
    : K_YIELD STAR whereClause?
    | K_YIELD yieldItem ( COMMA yieldItem )* whereClause?
    ;

yieldItem : symbolicName ( K_AS variable )? ;

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

pattern : patternPart ( COMMA patternPart )* ;

patternPart : ( variable EQ )? anonymousPatternPart ;

anonymousPatternPart
    : shortestPathPattern
    | patternElement
    ;

shortestPathPattern : ( K_SHORTESTPATH | K_ALLSHORTESTPATHS ) LPAREN patternElement RPAREN ;

patternElement
    : nodePattern patternElementChain*
    | LPAREN patternElement RPAREN
    ;

patternElementChain : relationshipPattern nodePattern ;

nodePattern : LPAREN variable? nodeLabels? properties? RPAREN ;

relationshipPattern : LT? MINUS relationshipDetail? MINUS GT? ;

relationshipDetail : LBRACK variable? relationshipTypes? rangeLiteral? properties? RBRACK ;

relationshipTypes : COLON schemaName ( PIPE COLON? schemaName )* ;

rangeLiteral : STAR rangeBound? ( DOTDOT rangeBound? )? ;

rangeBound : DECIMAL_INTEGER | HEX_INTEGER | OCTAL_INTEGER ;

properties
    : mapLiteral
    | parameter
    ;

nodeLabels : nodeLabel+ ;

nodeLabel : COLON schemaName ;

// A pattern used as an expression: at least one relationship.
relationshipsPattern : nodePattern patternElementChain+ ;

// ---------------------------------------------------------------------------------------------
// Expressions, loosest binding first
// ---------------------------------------------------------------------------------------------

expression : orExpression ;

orExpression : xorExpression ( K_OR xorExpression )* ;

xorExpression : andExpression ( K_XOR andExpression )* ;

andExpression : notExpression ( K_AND notExpression )* ;

notExpression
    : K_NOT notExpression
    | comparisonExpression
    ;

comparisonExpression : predicateExpression ( comparisonOperator predicateExpression )* ;

comparisonOperator : EQ | NE | LT | LE | GT | GE ;

predicateExpression : addSubExpression predicateSuffix* ;

predicateSuffix
    : K_STARTS K_WITH addSubExpression   # startsWithPredicate
    | K_ENDS K_WITH addSubExpression     # endsWithPredicate
    | K_CONTAINS addSubExpression        # containsPredicate
    | REGEX_MATCH addSubExpression       # regexPredicate
    | K_IN addSubExpression              # inPredicate
    | K_IS K_NULL                        # isNullPredicate
    | K_IS K_NOT K_NULL                  # isNotNullPredicate
    ;

addSubExpression : multDivExpression ( addSubOperator multDivExpression )* ;

addSubOperator : PLUS | MINUS ;

multDivExpression : powerExpression ( multDivOperator powerExpression )* ;

multDivOperator : STAR | SLASH | PERCENT ;

powerExpression : unaryExpression ( CARET unaryExpression )* ;

unaryExpression
    : ( PLUS | MINUS ) unaryExpression
    | postfixExpression
    ;

postfixExpression : atom postfixOperator* nodeLabels? ;

postfixOperator
    : propertyLookup                                  # propertyPostfix
    | LBRACK expression RBRACK                        # indexPostfix
    | LBRACK from=expression? DOTDOT to=expression? RBRACK  # slicePostfix
    ;

propertyLookup : DOT schemaName ;

// A property access that may be assigned to or removed: n.key, (n).a.b
propertyExpression : atom propertyLookup+ ;

// Comprehensions come before literals: `[x IN l]` is a comprehension, not a one-element list.
atom
    : listComprehension
    | patternComprehension
    | literal
    | parameter
    | caseExpression
    | countStar
    | quantifierExpression
    | reduceExpression
    | existsExpression
    | countSubquery
    | relationshipsPattern
    | parenthesizedExpression
    | functionInvocation
    | variable
    ;

literal
    : numberLiteral
    | stringLiteral
    | booleanLiteral
    | K_NULL
    | listLiteral
    | mapLiteral
    ;

numberLiteral : DECIMAL_INTEGER | HEX_INTEGER | OCTAL_INTEGER | FLOAT ;

stringLiteral : STRING ;

booleanLiteral : K_TRUE | K_FALSE ;

listLiteral : LBRACK ( expression ( COMMA expression )* )? RBRACK ;

mapLiteral : LBRACE ( mapEntry ( COMMA mapEntry )* )? RBRACE ;

mapEntry : schemaName COLON expression ;

parameter : PARAMETER ;

caseExpression : K_CASE test=expression? caseAlternative+ ( K_ELSE otherwise=expression )? K_END ;

caseAlternative : K_WHEN expression K_THEN expression ;

countStar : K_COUNT LPAREN STAR RPAREN ;

listComprehension
    : LBRACK variable K_IN expression ( K_WHERE where=expression )? ( PIPE projection=expression )? RBRACK
    ;

patternComprehension
    : LBRACK ( variable EQ )? relationshipsPattern ( K_WHERE where=expression )? PIPE projection=expression RBRACK
    ;

quantifierExpression
    : ( K_ALL | K_ANY | K_NONE | K_SINGLE ) LPAREN variable K_IN expression ( K_WHERE where=expression )? RPAREN
    ;

reduceExpression
    : K_REDUCE LPAREN accumulator=variable EQ init=expression COMMA
      element=variable K_IN list=expression PIPE step=expression RPAREN
    ;

existsExpression
    : K_EXISTS LBRACE singleQuery RBRACE
    | K_EXISTS LBRACE patternPart whereClause? RBRACE
    | K_EXISTS LPAREN expression RPAREN
    ;

countSubquery
    : K_COUNT LBRACE singleQuery RBRACE
    | K_COUNT LBRACE patternPart whereClause? RBRACE
    ;

parenthesizedExpression : LPAREN expression RPAREN ;

functionInvocation : qualifiedName LPAREN K_DISTINCT? ( expression ( COMMA expression )* )? RPAREN ;

qualifiedName : ( symbolicName DOT )* symbolicName ;

variable : symbolicName ;

// Names of variables, functions and procedures: identifiers and the keywords that cannot be
// mistaken for the start of a clause or an operator where a name may stand (e.g. `end`, `desc`).
symbolicName
    : IDENTIFIER
    | ESCAPED_NAME
    | K_COUNT
    | K_ANY
    | K_NONE
    | K_SINGLE
    | K_REDUCE
    | K_SHORTESTPATH
    | K_ALLSHORTESTPATHS
    | K_EXPLAIN
    | K_PROFILE
    | K_END
    | K_ASC
    | K_ASCENDING
    | K_DESC
    | K_DESCENDING
    | K_BY
    | K_ON
    | K_DETACH
    | K_YIELD
    ;

// Names of labels, relationship types and property keys: any word, reserved or not.
schemaName : symbolicName | reservedWord ;

reservedWord
    : K_ALL | K_AND | K_AS | K_CALL | K_CASE | K_CONTAINS | K_CREATE | K_DELETE | K_DISTINCT
    | K_ELSE | K_ENDS | K_EXISTS | K_FALSE | K_IN | K_IS | K_LIMIT | K_MATCH | K_MERGE | K_NOT
    | K_NULL | K_OPTIONAL | K_OR | K_ORDER | K_REMOVE | K_RETURN | K_SET | K_SKIP | K_STARTS
    | K_THEN | K_TRUE | K_UNION | K_UNWIND | K_WHEN | K_WHERE | K_WITH | K_XOR
    ;

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

K_ALL : A L L ;
K_ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
K_AND : A N D ;
K_ANY : A N Y ;
K_AS : A S ;
K_ASC : A S C ;
K_ASCENDING : A S C E N D I N G ;
K_BY : B Y ;
K_CALL : C A L L ;
K_CASE : C A S E ;
K_CONTAINS : C O N T A I N S ;
K_COUNT : C O U N T ;
K_CREATE : C R E A T E ;
K_DELETE : D E L E T E ;
K_DESC : D E S C ;
K_DESCENDING : D E S C E N D I N G ;
K_DETACH : D E T A C H ;
K_DISTINCT : D I S T I N C T ;
K_ELSE : E L S E ;
K_END : E N D ;
K_ENDS : E N D S ;
K_EXISTS : E X I S T S ;
K_EXPLAIN : E X P L A I N ;
K_FALSE : F A L S E ;
K_IN : I N ;
K_IS : I S ;
K_LIMIT : L I M I T ;
K_MATCH : M A T C H ;
K_MERGE : M E R G E ;
K_NONE : N O N E ;
K_NOT : N O T ;
K_NULL : N U L L ;
K_ON : O N ;
K_OPTIONAL : O P T I O N A L ;
K_OR : O R ;
K_ORDER : O R D E R ;
K_PROFILE : P R O F I L E ;
K_REDUCE : R E D U C E ;
K_REMOVE : R E M O V E ;
K_RETURN : R E T U R N ;
K_SET : S E T ;
K_SHORTESTPATH : S H O R T E S T P A T H ;
K_SINGLE : S I N G L E ;
K_SKIP : S K I P ;
K_STARTS : S T A R T S ;
K_THEN : T H E N ;
K_TRUE : T R U E ;
K_UNION : U N I O N ;
K_UNWIND : U N W I N D ;
K_WHEN : W H E N ;
K_WHERE : W H E R E ;
K_WITH : W I T H ;
K_XOR : X O R ;
K_YIELD : Y I E L D ;

SEMI : ';' ;
COMMA : ',' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
COLON : ':' ;
DOTDOT : '..' ;
DOT : '.' ;
PIPE : '|' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;
PLUS_EQ : '+=' ;
PLUS : '+' ;
MINUS : '-' ;
REGEX_MATCH : '=~' ;
EQ : '=' ;
NE : '<>' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;

PARAMETER : '$' ( IDENTIFIER_START IDENTIFIER_PART* | DIGIT+ | ESCAPED_NAME ) ;

HEX_INTEGER : '0' [xX] HEX_DIGIT+ ;
OCTAL_INTEGER : '0' [oO] [0-7]+ ;
DECIMAL_INTEGER : DIGIT+ ;
FLOAT
    : DIGIT+ '.' DIGIT+ EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;
// Digits run together with letters, e.g. 0x1Fz or 12abc: longer than any valid number, so it wins.
BAD_NUMBER : DIGIT [0-9a-zA-Z_]* ;

// Escapes are checked when the literal is converted, so that the error can point at them.
STRING
    : '\'' ( ~['\\] | '\\' . )* '\''
    | '"' ( ~["\\] | '\\' . )* '"'
    ;
UNTERMINATED_STRING
    : '\'' ( ~['\\] | '\\' . )* '\\'?
    | '"' ( ~["\\] | '\\' . )* '\\'?
    ;

ESCAPED_NAME : ( '`' ~'`'* '`' )+ ;
UNTERMINATED_NAME : '`' ~'`'* ;

IDENTIFIER : IDENTIFIER_START IDENTIFIER_PART* ;

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

WHITESPACE
    : [ \t\r\n\f\u000B\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+ -> skip
    ;

// Anything else is one token of its own; the parser rejects it with its position.
UNKNOWN_CHARACTER : . ;

fragment IDENTIFIER_START : [\p{L}_] ;
fragment IDENTIFIER_PART : [\p{L}\p{N}_] ;
fragment DIGIT : [0-9] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;

fragment A : [aA] ;
fragment B : [bB] ;
fragment C : [cC] ;
fragment D : [dD] ;
fragment E : [eE] ;
fragment F : [fF] ;
fragment G : [gG] ;
fragment H : [hH] ;
fragment I : [iI] ;
fragment K : [kK] ;
fragment L : [lL] ;
fragment M : [mM] ;
fragment N : [nN] ;
fragment O : [oO] ;
fragment P : [pP] ;
fragment R : [rR] ;
fragment S : [sS] ;
fragment T : [tT] ;
fragment U : [uU] ;
fragment V : [vV] ;
fragment W : [wW] ;
fragment X : [xX] ;
fragment Y : [yY] ;

// Database: the one place where a statement goes through every stage (parse, bind, plan,
// execute) and where exceptions become Error values.
#include "meninx/database.h"

#include <list>
#include <unordered_map>

#include "binder/binder.h"
#include "catalog/catalog.h"
#include "execution/exec_context.h"
#include "execution/graph_access.h"
#include "execution/schema_check.h"
#include "parser/parser.h"
#include "planner/planner.h"
#include "storage/sqlite_store.h"

namespace meninx {

namespace {

// Bound statements by query text, least recently used dropped first. A bound statement is
// immutable once bound, so one may serve any number of executions.
class StatementCache {
  public:
    std::shared_ptr<const binder::BoundStatement> get(const std::string& text) {
        auto it = index_.find(text);
        if (it == index_.end()) return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
    }
    void put(const std::string& text, std::shared_ptr<const binder::BoundStatement> bound) {
        if (index_.count(text)) return;
        order_.emplace_front(text, std::move(bound));
        index_.emplace(text, order_.begin());
        if (order_.size() > kCapacity) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
    }

  private:
    static constexpr size_t kCapacity = 256;
    using Entry = std::pair<std::string, std::shared_ptr<const binder::BoundStatement>>;
    std::list<Entry> order_;
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

// The line of `text` at 1-based `line` and a caret under `column`.
std::string excerpt_for(std::string_view text, int line, int column) {
    if (line <= 0) return {};
    size_t start = 0;
    for (int l = 1; l < line; ++l) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    size_t end = text.find('\n', start);
    std::string_view src = text.substr(start, end == std::string_view::npos ? end : end - start);
    std::string caret(static_cast<size_t>(std::max(column, 1) - 1), ' ');
    for (size_t i = 0; i < caret.size() && i < src.size(); ++i) {
        if (src[i] == '\t') caret[i] = '\t';
    }
    return std::string(src) + "\n" + caret + "^";
}

}  // namespace

struct Database::Impl {
    std::unique_ptr<storage::SqliteStore> store;
    std::string path;
    bool read_only = false;
    bool explicit_transaction = false;
    std::atomic<bool> cancelled{false};
    StatementCache cache;
    // Who is recorded as the author of changes and evidence (OpenOptions::user, else the
    // environment's user name).
    std::string user;
    // The domain model, when the database has one (a seeded or schema-initialised database).
    std::optional<catalog::Catalog> catalog;

    void load_catalog();

    QueryResult run(std::string_view text, const Map& parameters, const QueryOptions& options);
};

bool QueryStats::any() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
           properties_set || labels_added || labels_removed;
}

std::string_view version() { return "0.1.0"; }

std::unique_ptr<Database> Database::open(const std::string& path, const OpenOptions& options,
                                         Error* error) {
    try {
        return adopt(storage::SqliteStore::open(path, options), path, options.read_only);
    } catch (const Exception& e) {
        if (error) *error = e.error();
    } catch (const std::exception& e) {
        if (error) *error = Error{ErrorKind::Storage, e.what(), 0, 0, {}};
    }
    return nullptr;
}

std::unique_ptr<Database> Database::adopt(std::unique_ptr<storage::SqliteStore> store,
                                          const std::string& path, bool read_only) {
    auto impl = std::make_unique<Impl>();
    impl->store = std::move(store);
    impl->path = path;
    impl->read_only = read_only;
    impl->user = impl->store->user();
    impl->load_catalog();
    return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Database::~Database() {
    if (impl_ && impl_->explicit_transaction) {
        try {
            impl_->store->rollback();
        } catch (const std::exception&) {
            // Closing the connection rolls back anyway.
        }
    }
}

const std::string& Database::path() const { return impl_->path; }
bool Database::read_only() const { return impl_->read_only; }
Store& Database::store() { return *impl_->store; }
void Database::cancel() { impl_->cancelled.store(true); }
bool Database::in_transaction() const { return impl_->explicit_transaction; }

void Database::set_user(const std::string& user) {
    impl_->store->set_user(user);
    impl_->user = impl_->store->user();
}
const std::string& Database::user() const { return impl_->user; }
std::optional<int64_t> Database::as_of_transaction() const { return impl_->store->snapshot_of(); }

std::optional<Error> Database::begin() {
    if (impl_->explicit_transaction) {
        return Error{ErrorKind::Usage,
                     "A transaction is already open; COMMIT or ROLLBACK it first",
                     0,
                     0,
                     {}};
    }
    try {
        impl_->store->begin(!impl_->read_only);
    } catch (const Exception& e) {
        return e.error();
    }
    impl_->explicit_transaction = true;
    return std::nullopt;
}

std::optional<Error> Database::commit() {
    if (!impl_->explicit_transaction) {
        return Error{ErrorKind::Usage, "There is no open transaction to commit", 0, 0, {}};
    }
    try {
        impl_->store->commit();
    } catch (const Exception& e) {
        return e.error();
    }
    impl_->explicit_transaction = false;
    return std::nullopt;
}

std::optional<Error> Database::rollback() {
    if (!impl_->explicit_transaction) {
        return Error{ErrorKind::Usage, "There is no open transaction to roll back", 0, 0, {}};
    }
    impl_->explicit_transaction = false;
    try {
        impl_->store->rollback();
    } catch (const Exception& e) {
        return e.error();
    }
    return std::nullopt;
}

QueryResult Database::query(std::string_view text, const Map& parameters,
                            const QueryOptions& options) {
    auto start = std::chrono::steady_clock::now();
    impl_->cancelled.store(false);
    QueryResult result;
    try {
        result = impl_->run(text, parameters, options);
    } catch (const Exception& e) {
        result = QueryResult{};
        result.error = e.error();
    } catch (const std::bad_alloc&) {
        result = QueryResult{};
        result.error = Error{ErrorKind::Limit, "The query ran out of memory", 0, 0, {}};
    } catch (const std::exception& e) {
        result = QueryResult{};
        result.error = Error{ErrorKind::Internal, e.what(), 0, 0, {}};
    }
    if (result.error && result.error->excerpt.empty() && result.error->line > 0) {
        result.error->excerpt = excerpt_for(text, result.error->line, result.error->column);
    }
    impl_->cancelled.store(false);
    result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    return result;
}

void Database::Impl::load_catalog() {
    auto& q = store->cached("SELECT count(*) FROM catalog_category");
    const bool present = q.step() && q.get_int(0) > 0;
    q.reset();
    catalog.reset();
    if (present) catalog = catalog::Catalog::load(*store);
}

QueryResult Database::Impl::run(std::string_view text, const Map& parameters,
                                const QueryOptions& options) {
    std::string key(text);
    std::shared_ptr<const binder::BoundStatement> bound = cache.get(key);
    if (!bound) {
        ast::Statement statement = parser::parse(text);
        bound = binder::bind(std::move(statement));
        cache.put(key, bound);
    }
    QueryResult result;
    result.columns = bound->columns;
    if (bound->writes && read_only) {
        throw Exception(ErrorKind::Usage, "The database " + store->path() +
                                              " is opened read-only; this statement writes");
    }

    execution::GraphAccess graph(*store);
    execution::ExecContext ctx(graph, parameters, options, cancelled);
    ctx.catalog = catalog ? &*catalog : nullptr;
    ctx.user = user;
    if (catalog && catalog->mode() == catalog::SchemaMode::Strict) graph.set_catalog(&*catalog);
    auto mode = bound->statement.mode;
    ctx.profiling = mode == ast::ExplainMode::Profile;

    // Every statement is atomic: its own transaction, or a savepoint inside an explicit one.
    // History records the statement's text with the transaction when it changes something.
    store->set_change_text(key);
    const std::string savepoint = "meninx_statement";
    if (explicit_transaction) {
        store->savepoint(savepoint);
    } else {
        store->begin(bound->writes);
    }
    try {
        planner::PhysicalPlan plan = planner::plan(*bound, ctx);
        if (mode == ast::ExplainMode::Explain) {
            result.plan = planner::describe(*plan.root, false);
        } else {
            // A statement without RETURN (a write, or a standalone procedure call yielding
            // nothing) is drained for its effects; it returns no rows.
            const bool returns_rows = !bound->columns.empty();
            execution::Row row;
            while (plan.root->pull(row)) {
                if (!returns_rows) continue;
                std::vector<Value> out;
                out.reserve(plan.output_slots.size());
                for (int slot : plan.output_slots) out.push_back(graph.hydrate(row[slot]));
                result.rows.push_back(std::move(out));
                if (options.max_rows > 0 && result.rows.size() > options.max_rows) {
                    throw Exception(ErrorKind::Limit, "The query returned more than " +
                                                          std::to_string(options.max_rows) +
                                                          " rows (see the max_rows option)");
                }
            }
            if (bound->writes && catalog && catalog->mode() == catalog::SchemaMode::Strict) {
                execution::check_schema(graph, *catalog);
            }
            if (mode == ast::ExplainMode::Profile) {
                result.plan = planner::describe(*plan.root, true);
            }
        }
    } catch (...) {
        if (explicit_transaction) {
            store->rollback_to(savepoint);
            store->release(savepoint);
            store->set_change_text({});
        } else {
            store->rollback();
        }
        throw;
    }
    if (explicit_transaction) {
        store->release(savepoint);
        store->set_change_text({});
    } else {
        store->commit();
    }
    result.stats = ctx.stats();
    return result;
}

}  // namespace meninx

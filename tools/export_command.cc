#include "tools/export_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "store/csv_export.h"
#include "store/store.h"

namespace cnbudget {

void AddExportCommand(CLI::App& app, std::vector<Subcommand>* commands) {
  struct Args {
    std::string db, csv_dir;
    bool per_table = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* export_app =
      app.add_subcommand("export", "Export a batch database as CSV files (UTF-8 with BOM)");
  export_app->add_option("--db", args->db, "database written by `cnbudget convert`")->required();
  export_app->add_option("--csv", args->csv_dir, "folder for documents.csv, tables.csv, "
                                                 "records.csv, issues.csv")
      ->required();
  export_app->add_flag("--per-table", args->per_table,
                       "also write DIR/tables/<document_id>-<table_index>.csv, each table's "
                       "grid as printed (codes with a leading zero kept as text)");
  commands->push_back({export_app, [args] {
                         std::string error;
                         auto store = store::Store::Open(args->db, /*create=*/false, &error);
                         if (!store || !store::ExportCsv(store->handle(), args->csv_dir, &error) ||
                             (args->per_table &&
                              !store::ExportPerTableCsv(store->handle(), args->csv_dir, &error))) {
                           std::cerr << "cnbudget export: " << error << "\n";
                           return 1;
                         }
                         return 0;
                       }});
}

}  // namespace cnbudget

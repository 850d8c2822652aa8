#!/usr/bin/env bash
# Installs Postbox into a running Payara Server 6 domain on PostgreSQL. Safe to run again: it creates only
# what is missing and says what it found.
#
#   configure-postbox.sh <asadmin> <postbox.rar> <postgresql.jar> [postbox-admin.ear]
#
# Environment (defaults in brackets): POSTBOX_PG_HOST [127.0.0.1], POSTBOX_PG_PORT [5432],
# POSTBOX_PG_DATABASE [postbox], POSTBOX_PG_USER [postgres], POSTBOX_PG_PASSWORD [postgres; Payara needs one even
# where PostgreSQL trusts the connection; asadmin property
# syntax: escape ':' and '=' with a backslash], POSTBOX_POOL_SIZE [32], ASADMIN_OPTS [extra asadmin options,
# e.g. "--port 4848 --user admin --passwordfile pw.txt"].
#
# What it creates (names as in the Payara Micro post-boot files):
#   JDBC pool postbox-pg-pool and resource jdbc/postbox (applications sharing it get exactly-once processing)
#   resource adapter config postbox, the adapter postbox (postbox.rar)
#   connector pool postbox-pool (jakarta.jms.ConnectionFactory) and resource jms/postbox
#   admin object postbox/management (for the admin application), and the admin application if given
set -euo pipefail

asadmin_bin=${1:?usage: configure-postbox.sh <asadmin> <postbox.rar> <postgresql.jar> [postbox-admin.ear]}
rar=${2:?the path of postbox.rar}
driver=${3:?the path of the PostgreSQL JDBC driver jar}
ear=${4:-}
read -r -a opts <<< "${ASADMIN_OPTS:-}"

asadmin() {
  "$asadmin_bin" "${opts[@]}" "$@"
}

# True when the first column of a list command's output has the name.
listed() {
  local list_command=$1 name=$2
  asadmin "$list_command" | awk '{print $1}' | grep -qxF -- "$name"
}

# Runs a create command unless the list command already shows the name.
ensure() {
  local list_command=$1 name=$2
  shift 2
  if listed "$list_command" "$name"; then
    echo "exists: $name"
  else
    echo "creating: $name"
    asadmin "$@"
  fi
}

host=${POSTBOX_PG_HOST:-127.0.0.1}
port=${POSTBOX_PG_PORT:-5432}
database=${POSTBOX_PG_DATABASE:-postbox}
user=${POSTBOX_PG_USER:-postgres}
password=${POSTBOX_PG_PASSWORD-postgres}
pool_size=${POSTBOX_POOL_SIZE:-32}
pool_properties="user=$user:serverName=$host:portNumber=$port:databaseName=$database"
if [ -n "$password" ]; then
  pool_properties="$pool_properties:password=$password"
fi

driver_name=$(basename "$driver")
if listed list-libraries "$driver_name"; then
  echo "exists: $driver_name"
else
  echo "adding: $driver_name (the domain must be restarted before the JDBC pool can be used)"
  asadmin add-library "$driver"
  asadmin restart-domain
fi

ensure list-jdbc-connection-pools postbox-pg-pool create-jdbc-connection-pool \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize 2 --maxpoolsize "$pool_size" --isconnectvalidatereq true --validationmethod auto-commit \
  --failconnection true \
  --property "$pool_properties" \
  postbox-pg-pool
ensure list-jdbc-resources jdbc/postbox create-jdbc-resource --connectionpoolid postbox-pg-pool jdbc/postbox
ensure list-resource-adapter-configs postbox create-resource-adapter-config \
  --property dataSourceJndiName=jdbc/postbox postbox
ensure list-applications postbox deploy --type rar --name postbox "$rar"
ensure list-connector-connection-pools postbox-pool create-connector-connection-pool --raname postbox \
  --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport NoTransaction --ping false postbox-pool
ensure list-connector-resources jms/postbox create-connector-resource --poolname postbox-pool jms/postbox
ensure list-admin-objects postbox/management create-admin-object --raname postbox \
  --restype dev.postbox.jms.management.QueueManagement postbox/management
if [ -n "$ear" ]; then
  ensure list-applications postbox-admin deploy --name postbox-admin "$ear"
fi
echo "Postbox is configured: connection factory jms/postbox, MDBs with resourceAdapter=postbox."

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Columns of %1 inferred from topic %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation>
            <numerusform>[%n element]</numerusform>
            <numerusform>[%n elements]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::AivenMenu</name>
    <message>
        <source>&amp;Aiven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse Integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply to Integration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened integration %1 (%2 → %3) of project %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven Integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the unsaved document with integration %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an integration from the Aiven browser first: applying compares your edits with the configuration they were pulled from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Integration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka &amp;Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Aiven: validating against the bundled schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating against the live clickhouse_kafka schema of the Aiven API (project %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating against the bundled schema: the live one is unavailable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1 schema)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token sees no project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External endpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1 has no Kafka service or external Kafka endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the topics of:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ApplyController</name>
    <message>
        <source>Stopped following the integration status; the change was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Aiven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the remote integration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not fetch the remote integration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying the configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The change may or may not have reached Aiven; check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven refused the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the integration status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was applied, but its status could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied; the integration is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied, but the integration failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely cause: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied; the integration is still &quot;%1&quot;. Check its status later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the remote configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ApplyDialog</name>
    <message>
        <source>Apply to Aiven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes by table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base: the configuration as opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote: the configuration on Aiven now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine: the edited configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base (as opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite the remote changes with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace my configuration with the remote one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document now holds the remote configuration; undo brings your edits back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote already holds this configuration: nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document was not opened from the integration, so it is unknown whether applying would undo someone else&apos;s changes. Compare and choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the integration on Aiven since you opened it. Applying now would undo their changes. Compare the three versions, then overwrite deliberately or take the remote version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ClickHouseMenu</name>
    <message>
        <source>&amp;ClickHouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Destination &amp;DDL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write Rows Back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Sample Messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to ClickHouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Destination DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a connector table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service (the connector table lives in service_&lt;name&gt;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Sample Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ColumnTypeDelegate</name>
    <message>
        <source>Column type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ConnectDialog</name>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Aiven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the token in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address is not a URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n project(s) visible.</source>
        <translation>
            <numerusform>Connected: %n project visible.</numerusform>
            <numerusform>Connected: %n projects visible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the token in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ConnectionPanel</name>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel connection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: ClickHouse %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ConnectionStatus</name>
    <message>
        <source>Aiven connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the Aiven API (Aiven ▸ Connect…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven: %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to ClickHouse (ClickHouse ▸ Connect…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ConsumerLagModel</name>
    <message>
        <source>Committed on %1 of %2 partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no offsets committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag (messages)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::CreateIntegrationWizard</name>
    <message>
        <source>An Aiven for Apache &amp;Kafka service of the project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An &amp;external Kafka endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;empty (add tables in the editor later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One table &amp;inferred from a topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Peek and Infer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create ClickHouse Kafka Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service that will read the topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ClickHouse service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the messages come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector tables the integration starts with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages to infer from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n table(s) of the edited &amp;document</source>
        <translation>
            <numerusform>The %n table of the edited &amp;document</numerusform>
            <numerusform>The %n tables of the edited &amp;document</numerusform>
        </translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and create the integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error from the Aiven API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1 has no ClickHouse service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the newest messages of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No columns could be inferred from %n message(s) of %1.</source>
        <translation>
            <numerusform>No columns could be inferred from %n message of %1.</numerusform>
            <numerusform>No columns could be inferred from %n messages of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Table %1 from %n message(s): %2</source>
        <translation>
            <numerusform>Table %1 from %n message: %2</numerusform>
            <numerusform>Table %1 from %n messages: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Project: %1
Destination (ClickHouse): %2
Source: %3
Tables: %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external endpoint %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven did not create the integration: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::DdlDialog</name>
    <message>
        <source>Destination table DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector table lives in database service_&lt;name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated columns; empty: the first column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kafka service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a table to generate its DDL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::DdlRunDialog</name>
    <message>
        <source>C&amp;opy SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL run report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL run status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the DDL on ClickHouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the DDL run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n statement(s).</source>
        <translation>
            <numerusform>Copied %n statement.</numerusform>
            <numerusform>Copied %n statements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected: set up the ClickHouse connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for existing objects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking for existing objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: %n statement(s) handled.</source>
        <translation>
            <numerusform>Done: %n statement handled.</numerusform>
            <numerusform>Done: %n statements handled.</numerusform>
        </translation>
    </message>
    <message>
        <source>already existed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1/%2] %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the columns of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 is %2, the DDL says %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 %2 is not in the DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same columns: %1 matches the DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the statements above that say &quot;created&quot; did run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::DialogPrompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1 first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse Kafka Studio did not close cleanly last time. Restore the unsaved draft?

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ExportDialog</name>
    <message>
        <source>Export configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user_config JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avn command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integration id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::InferredColumnsDialog</name>
    <message>
        <source>Columns Inferred from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferred columns and warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply to Table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply to Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a table in the editor to apply the columns to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) from the shown messages:</source>
        <translation>
            <numerusform>%n column from the shown messages:</numerusform>
            <numerusform>%n columns from the shown messages:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ckstudio::IntegrationBrowser</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aiven integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects, ClickHouse services and their Kafka integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the selected project or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected integration in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::IntegrationOpener</name>
    <message>
        <source>Not connected to Aiven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the integration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::IntegrationTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ClickHouse services</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n table(s), %1</source>
        <translation>
            <numerusform>%n table, %1</numerusform>
            <numerusform>%n tables, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Kafka integrations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::LiveSchemaLoader</name>
    <message>
        <source>the API gave no user_config_schema for clickhouse_kafka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the live schema is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API lists no clickhouse_kafka integration type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::MainWindow</name>
    <message>
        <source>Could not write the autosave draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the selected table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected table up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected table down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Config from Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination &amp;DDL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ClickHouse Kafka Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse Kafka Studio %1
Editor for Aiven ClickHouse–Kafka integration tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — ClickHouse Kafka Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n problem(s)</source>
        <translation>
            <numerusform>Opened %1: %n problem</numerusform>
            <numerusform>Opened %1: %n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1
Last change: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the unsaved draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clipboard:%1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds JSON, but not a user_config: expected an object with &quot;tables&quot;, an integration with &quot;user_config&quot;, or an array of tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted a valid configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pasted a configuration with %n problem(s)</source>
        <translation>
            <numerusform>Pasted a configuration with %n problem</numerusform>
            <numerusform>Pasted a configuration with %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ckstudio::MaterializedViewEditor</name>
    <message>
        <source>Let Aiven create a materialized view and its destination table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local disk TTL days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated columns, e.g. id, ts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine &amp;parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL &amp;column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local disk TTL:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::PartitionsModel</name>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::PreviewPane</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE (failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it anyway (consumes messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peek the topic instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the attached view instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shown rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show raw rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shown rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumption warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: set up the ClickHouse connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading this table consumes messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read: choose how to preview this Kafka table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete up to the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONEachRow (*.jsonl *.ndjson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSV (*.tsv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview through a temporary twin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a Kafka table with the same columns and settings but a new consumer group, reads it, and drops it. The production group&apos;s offsets do not move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: the configuration is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ckstudio::RowJsonTreeModel</name>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::SampleCheckView</name>
    <message>
        <source>&amp;Load file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table whose columns the samples must fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One message per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load sample messages from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sample check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: set up the ClickHouse connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one sample message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the columns of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n message(s) as %1…</source>
        <translation>
            <numerusform>Checking %n message as %1…</numerusform>
            <numerusform>Checking %n messages as %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>The check could not finish (results are incomplete): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n message(s) parse.</source>
        <translation>
            <numerusform>The %n message parses.</numerusform>
            <numerusform>All %n messages parse.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n message(s) fail.</source>
        <translation>
            <numerusform>%1 of %n message fails.</numerusform>
            <numerusform>%1 of %n messages fail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: results are incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::SampleVerdictModel</name>
    <message>
        <source>parses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it fails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::SettingValueDelegate</name>
    <message>
        <source>Value of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::SettingsEditor</name>
    <message>
        <source>Settings in italics are unset: the server default applies. Edit a value to set it; the reset button removes it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the table so that the server default applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::TableEditor</name>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the column up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the column down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove topics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::TopicBrowser</name>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions of the selected topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag of the document&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Peek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Shown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Infer Columns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic to peek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the shown messages to a file, one JSON object per line (JSONEachRow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infer ClickHouse columns from the shown messages&apos; values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected message, pretty JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected message value, raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag of the document&apos;s tables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through Aiven&apos;s Kafka REST endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directly from Kafka (the REST proxy is not available for this source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peek cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peek failed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of %1 read %2; no consumer group, nothing consumed.</source>
        <translation>
            <numerusform>%n message of %1 read %2; no consumer group, nothing consumed.</numerusform>
            <numerusform>%n messages of %1 read %2; no consumer group, nothing consumed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka service %1 of project %2 — loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1 of project %2 — peeks through Aiven&apos;s Kafka REST endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1 has its REST proxy off and lists no Kafka address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka service %1 of project %2 — REST proxy off, peeks read Kafka directly (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External Kafka endpoint %1 — loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no bootstrap_servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External Kafka endpoint %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External Kafka endpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — peeks read Kafka directly; type the topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a topic of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Shown Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>Exported %n message to %1.</numerusform>
            <numerusform>Exported %n messages to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ckstudio::TopicListModel</name>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::TopicMessagesModel</name>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::TopicPeek</name>
    <message>
        <source>The previous read is still stopping; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Aiven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic %1 has no partition %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ckstudio::WriteBackDialog</name>
    <message>
        <source>&amp;Load columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table to insert into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the table&apos;s columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows to insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One JSON object per line (JSONEachRow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONEachRow rows to insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load JSONEachRow from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type \N for NULL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSONEachRow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONEachRow file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: set up the ClickHouse connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 reads %n topic(s) (%2); ClickHouse writes inserted rows to the first one only (%3).</source>
        <translation>
            <numerusform>%1 reads %n topic (%2); ClickHouse writes inserted rows to it (%3).</numerusform>
            <numerusform>%1 reads %n topics (%2); ClickHouse writes inserted rows to the first one only (%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 table with %n column(s).</source>
        <translation>
            <numerusform>%1: %2 table with %n column.</numerusform>
            <numerusform>%1: %2 table with %n columns.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load the table&apos;s columns first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to insert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Inserting %n row(s)…</source>
        <translation>
            <numerusform>Inserting %n row…</numerusform>
            <numerusform>Inserting %n rows…</numerusform>
        </translation>
    </message>
    <message>
        <source>This ClickHouse server (%1) cannot INSERT into Kafka-engine tables; writing to Kafka through ClickHouse needs a newer server. Nothing was produced. The server said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert cancelled: rows may or may not have been written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Inserted %n row(s) into %1.</source>
        <translation>
            <numerusform>Inserted %n row into %1.</numerusform>
            <numerusform>Inserted %n rows into %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ClickHouse Kafka Studio: edit the connector tables of an Aiven ClickHouse–Kafka integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user_config JSON file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ckstudio: give at most one FILE
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open FILE, save a PNG of the main window to PNG and quit (for the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ckstudio: cannot write %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ClickHouse Kafka Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vnland::app</name>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Clipped by %n neighbour(s) (%1): %2 m² removed to avoid an overlap</source>
        <translation>Clipped by %n neighbour (%1): %2 m² removed to avoid an overlap</translation>
    </message>
    <message>
        <source>Warning: neighbour parcel(s) %1 are invalid; they were repaired for the clip only — check them</source>
        <translation>Warning: neighbour parcel(s) %1 are invalid; they were repaired for the clip only — check them</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <source>Refused: parcel %1 would become invalid (%2)</source>
        <translation>Refused: parcel %1 would become invalid (%2)</translation>
    </message>
    <message>
        <source>A parcel needs at least 3 vertices</source>
        <translation>A parcel needs at least 3 vertices</translation>
    </message>
    <message>
        <source>The parcel was not added: %1</source>
        <translation>The parcel was not added: %1</translation>
    </message>
    <message>
        <source>The new parcel lies outside every sheet frame: it has no sheet or parcel number</source>
        <translation>The new parcel lies outside every sheet frame: it has no sheet or parcel number</translation>
    </message>
    <message>
        <source>Add parcel</source>
        <translation>Add parcel</translation>
    </message>
    <message>
        <source>No vertex here</source>
        <translation>No vertex here</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>Move vertex</translation>
    </message>
    <message>
        <source>Insert vertex</source>
        <translation>Insert vertex</translation>
    </message>
    <message>
        <source>Delete vertex</source>
        <translation>Delete vertex</translation>
    </message>
    <message>
        <source>Draw a line of at least 2 points across the parcel</source>
        <translation>Draw a line of at least 2 points across the parcel</translation>
    </message>
    <message>
        <source>The line crosses %n parcels: select the one to split</source>
        <translation>The line crosses %n parcels: select the one to split</translation>
    </message>
    <message>
        <source>The line does not cross a parcel from side to side</source>
        <translation>The line does not cross a parcel from side to side</translation>
    </message>
    <message>
        <source>Parcel %1 is not a live parcel</source>
        <translation>Parcel %1 is not a live parcel</translation>
    </message>
    <message>
        <source>Split parcel</source>
        <translation>Split parcel</translation>
    </message>
    <message>
        <source>Select at least two adjacent parcels to merge</source>
        <translation>Select at least two adjacent parcels to merge</translation>
    </message>
    <message>
        <source>Merge parcels</source>
        <translation>Merge parcels</translation>
    </message>
    <message>
        <source>No parcel selected</source>
        <translation>No parcel selected</translation>
    </message>
    <message>
        <source>Delete %n parcel(s)</source>
        <translation>Delete %n parcel</translation>
    </message>
    <message>
        <source>Sheet %1 has no parcels</source>
        <translation>Sheet %1 has no parcels</translation>
    </message>
    <message>
        <source>Sheet %1 is already numbered in order</source>
        <translation>Sheet %1 is already numbered in order</translation>
    </message>
    <message>
        <source>Sheet %1: %n parcel(s) renumbered</source>
        <translation>Sheet %1: %n parcel renumbered</translation>
    </message>
    <message>
        <source>Renumber sheet %1</source>
        <translation>Renumber sheet %1</translation>
    </message>
    <message>
        <source>The parcel was not added: the hole it leaves in parcel id %1 is not valid (%2)</source>
        <translation>The parcel was not added: the hole it leaves in parcel id %1 is not valid (%2)</translation>
    </message>
    <message>
        <source>Added inside parcel %1: it is now a hole (inner ring) of that parcel</source>
        <translation>Added inside parcel %1: it is now a hole (inner ring) of that parcel</translation>
    </message>
    <message>
        <source>Parcel number %1 is already used on sheet %2: the new parcel got number %3</source>
        <translation>Parcel number %1 is already used on sheet %2: the new parcel got number %3</translation>
    </message>
    <message>
        <source>The parcel number on the scan was not read: the new parcel got number %1, above the numbers printed on the sheet; check it against the sheet</source>
        <translation>The parcel number on the scan was not read: the new parcel got number %1, above the numbers printed on the sheet; check it against the sheet</translation>
    </message>
</context>
<context>
    <name>vnland::app::ApplyFixCommand</name>
    <message>
        <source>%1 was not applied: %2</source>
        <translation>%1 was not applied: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>%1 could not be undone: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::AttributeTable</name>
    <message>
        <source>Filter (number, code, land user, address…)</source>
        <translation>Filter (number, code, land user, address…)</translation>
    </message>
</context>
<context>
    <name>vnland::app::CandidateReview</name>
    <message>
        <source>no label found</source>
        <translation>no label found</translation>
    </message>
    <message>
        <source>several labels</source>
        <translation>several labels</translation>
    </message>
    <message>
        <source>land-use code not in the code list</source>
        <translation>land-use code not in the code list</translation>
    </message>
    <message>
        <source>land-use code uncertain</source>
        <translation>land-use code uncertain</translation>
    </message>
    <message>
        <source>parcel number not read</source>
        <translation>parcel number not read</translation>
    </message>
    <message>
        <source>area not read</source>
        <translation>area not read</translation>
    </message>
    <message>
        <source>printed area differs from the polygon</source>
        <translation>printed area differs from the polygon</translation>
    </message>
    <message>
        <source>parcel number used twice</source>
        <translation>parcel number used twice</translation>
    </message>
    <message>
        <source>very small</source>
        <translation>very small</translation>
    </message>
    <message>
        <source>very thin</source>
        <translation>very thin</translation>
    </message>
    <message>
        <source>label read with low confidence</source>
        <translation>label read with low confidence</translation>
    </message>
    <message>
        <source>No unreviewed candidate selected</source>
        <translation>No unreviewed candidate selected</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n candidate(s)</source>
        <translation>
            <numerusform>Accept %n candidate</numerusform>
            <numerusform>Accept %n candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n candidate(s)</source>
        <translation>
            <numerusform>Reject %n candidate</numerusform>
            <numerusform>Reject %n candidates</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Nothing changed</translation>
    </message>
</context>
<context>
    <name>vnland::app::ChangeValue</name>
    <message>
        <source>Change %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 was not saved: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>%1 could not be undone: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::CogoDialog</name>
    <message>
        <source>COGO traverse</source>
        <translation>COGO traverse</translation>
    </message>
    <message>
        <source>X (north), m</source>
        <translation>X (north), m</translation>
    </message>
    <message>
        <source>Y (east), m</source>
        <translation>Y (east), m</translation>
    </message>
    <message>
        <source>Start point</source>
        <translation>Start point</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>X (north):</source>
        <translation>X (north):</translation>
    </message>
    <message>
        <source>Y (east):</source>
        <translation>Y (east):</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Bearing (azimuth, DMS)</source>
        <translation>Bearing (azimuth, DMS)</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Distance (m)</translation>
    </message>
    <message>
        <source>Azimuth from grid north, clockwise: 26-10-00, 26°10&apos;00&quot;, 26.1667 or N26-10-00E</source>
        <translation>Azimuth from grid north, clockwise: 26-10-00, 26°10&apos;00&quot;, 26.1667 or N26-10-00E</translation>
    </message>
    <message>
        <source>Add leg</source>
        <translation>Add leg</translation>
    </message>
    <message>
        <source>Remove leg</source>
        <translation>Remove leg</translation>
    </message>
    <message>
        <source>Open traverse (no closing point)</source>
        <translation>Open traverse (no closing point)</translation>
    </message>
    <message>
        <source>Closes on the start point (loop)</source>
        <translation>Closes on the start point (loop)</translation>
    </message>
    <message>
        <source>Closes on a known point</source>
        <translation>Closes on a known point</translation>
    </message>
    <message>
        <source>Closing point</source>
        <translation>Closing point</translation>
    </message>
    <message>
        <source>X (north)</source>
        <translation>X (north)</translation>
    </message>
    <message>
        <source>Y (east)</source>
        <translation>Y (east)</translation>
    </message>
    <message>
        <source>Store points in the project</source>
        <translation>Store points in the project</translation>
    </message>
    <message>
        <source>Result (compass-rule adjusted)</source>
        <translation>Result (compass-rule adjusted)</translation>
    </message>
    <message>
        <source>Misclose:</source>
        <translation>Misclose:</translation>
    </message>
    <message>
        <source>Relative misclose:</source>
        <translation>Relative misclose:</translation>
    </message>
    <message>
        <source>Legs:</source>
        <translation>Legs:</translation>
    </message>
    <message>
        <source>Enter the start point&apos;s X (north) and Y (east).</source>
        <translation>Enter the start point&apos;s X (north) and Y (east).</translation>
    </message>
    <message>
        <source>Enter the closing point&apos;s X (north) and Y (east).</source>
        <translation>Enter the closing point&apos;s X (north) and Y (east).</translation>
    </message>
    <message>
        <source>Leg %1: the bearing &apos;%2&apos; is not readable (e.g. 26-10-00).</source>
        <translation>Leg %1: the bearing &apos;%2&apos; is not readable (e.g. 26-10-00).</translation>
    </message>
    <message>
        <source>Leg %1: the distance &apos;%2&apos; is not a positive number.</source>
        <translation>Leg %1: the distance &apos;%2&apos; is not a positive number.</translation>
    </message>
    <message>
        <source>Enter at least one leg (bearing and distance).</source>
        <translation>Enter at least one leg (bearing and distance).</translation>
    </message>
    <message>
        <source>f = %1 m (fX = %2 m, fY = %3 m), length %4 m</source>
        <translation>f = %1 m (fX = %2 m, fY = %3 m), length %4 m</translation>
    </message>
    <message>
        <source>exact (no misclose)</source>
        <translation>exact (no misclose)</translation>
    </message>
    <message>
        <source>open traverse, no misclose (length %1 m)</source>
        <translation>open traverse, no misclose (length %1 m)</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s).</source>
        <translation>
            <numerusform>%n leg.</numerusform>
            <numerusform>%n legs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>Nothing was stored: %1</translation>
    </message>
    <message>
        <source>Stored %1 point(s) and %2 leg(s) in the project.</source>
        <translation>Stored %1 point(s) and %2 leg(s) in the project.</translation>
    </message>
</context>
<context>
    <name>vnland::app::CrashJournal</name>
    <message>
        <source>Could not write the journal %1</source>
        <translation>Could not write the journal %1</translation>
    </message>
    <message>
        <source>%1: cannot read the journal</source>
        <translation>%1: cannot read the journal</translation>
    </message>
    <message>
        <source>%1 is not an editor journal</source>
        <translation>%1 is not an editor journal</translation>
    </message>
    <message>
        <source>The undo history in the journal no longer matches the project; only the drawing is restored</source>
        <translation>The undo history in the journal no longer matches the project; only the drawing is restored</translation>
    </message>
</context>
<context>
    <name>vnland::app::DigitizeActions</name>
    <message>
        <source>&amp;Digitize</source>
        <translation>&amp;Digitize</translation>
    </message>
    <message>
        <source>Digitizing toolbar</source>
        <translation>Digitizing toolbar</translation>
    </message>
    <message>
        <source>&amp;Add parcel</source>
        <translation>&amp;Add parcel</translation>
    </message>
    <message>
        <source>Edit &amp;vertices</source>
        <translation>Edit &amp;vertices</translation>
    </message>
    <message>
        <source>&amp;Split parcel</source>
        <translation>&amp;Split parcel</translation>
    </message>
    <message>
        <source>&amp;Trace along boundaries (hold T)</source>
        <translation>&amp;Trace along boundaries (hold T)</translation>
    </message>
    <message>
        <source>S&amp;napping</source>
        <translation>S&amp;napping</translation>
    </message>
    <message>
        <source>Parcel &amp;vertices</source>
        <translation>Parcel &amp;vertices</translation>
    </message>
    <message>
        <source>Parcel &amp;edges</source>
        <translation>Parcel &amp;edges</translation>
    </message>
    <message>
        <source>Sheet &amp;frames</source>
        <translation>Sheet &amp;frames</translation>
    </message>
    <message>
        <source>&amp;Grid crosses</source>
        <translation>&amp;Grid crosses</translation>
    </message>
    <message>
        <source>&amp;Survey points</source>
        <translation>&amp;Survey points</translation>
    </message>
    <message>
        <source>&amp;Merge selected parcels…</source>
        <translation>&amp;Merge selected parcels…</translation>
    </message>
    <message>
        <source>&amp;Delete selected parcels</source>
        <translation>&amp;Delete selected parcels</translation>
    </message>
    <message>
        <source>&amp;Renumber sheet</source>
        <translation>&amp;Renumber sheet</translation>
    </message>
    <message>
        <source>%1 is read: click inside an area to fill it as a parcel</source>
        <translation>%1 is read: click inside an area to fill it as a parcel</translation>
    </message>
    <message>
        <source>Fill parcel cannot use %1: %2</source>
        <translation>Fill parcel cannot use %1: %2</translation>
    </message>
    <message>
        <source>&amp;Fill parcel from the scan</source>
        <translation>&amp;Fill parcel from the scan</translation>
    </message>
</context>
<context>
    <name>vnland::app::DigitizeTools</name>
    <message>
        <source>Next vertex: distance &lt; bearing (12.5 &lt; 123°45&apos;30&quot;) or X Y</source>
        <translation>Next vertex: distance &lt; bearing (12.5 &lt; 123°45&apos;30&quot;) or X Y</translation>
    </message>
    <message>
        <source>Distance in metres and bearing from grid north in degrees-minutes-seconds, measured from the last vertex; or the coordinates X (north) Y (east). Enter adds the vertex.</source>
        <translation>Distance in metres and bearing from grid north in degrees-minutes-seconds, measured from the last vertex; or the coordinates X (north) Y (east). Enter adds the vertex.</translation>
    </message>
    <message>
        <source>Tracing: %1</source>
        <translation>Tracing: %1</translation>
    </message>
    <message>
        <source>Parcel added</source>
        <translation>Parcel added</translation>
    </message>
    <message numerus="yes">
        <source>Parcel split into %n parcel(s)</source>
        <translation>
            <numerusform>Parcel split into %n parcel</numerusform>
            <numerusform>Parcel split into %n parcels</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the add-parcel or split tool first</source>
        <translation>Choose the add-parcel or split tool first</translation>
    </message>
    <message>
        <source>Distance and bearing need a first vertex: click it or type X Y</source>
        <translation>Distance and bearing need a first vertex: click it or type X Y</translation>
    </message>
    <message>
        <source>Select at least two adjacent parcels to merge</source>
        <translation>Select at least two adjacent parcels to merge</translation>
    </message>
    <message>
        <source>Merge parcels</source>
        <translation>Merge parcels</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) become one; the old ones go into history.</source>
        <translation>
            <numerusform>%n parcel become one; the old ones go into history.</numerusform>
            <numerusform>%n parcels become one; the old ones go into history.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet %1, parcel %2 — %3 %4</source>
        <translation>Sheet %1, parcel %2 — %3 %4</translation>
    </message>
    <message>
        <source>Keep the attributes of</source>
        <translation>Keep the attributes of</translation>
    </message>
    <message>
        <source>Parcels merged</source>
        <translation>Parcels merged</translation>
    </message>
    <message>
        <source>Parcels moved into history</source>
        <translation>Parcels moved into history</translation>
    </message>
    <message>
        <source>Select a parcel of the sheet to renumber</source>
        <translation>Select a parcel of the sheet to renumber</translation>
    </message>
    <message>
        <source>Double-click on a parcel edge to add a vertex</source>
        <translation>Double-click on a parcel edge to add a vertex</translation>
    </message>
    <message>
        <source>Open a project first</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <source>Fill parcel needs a scan layer</source>
        <translation>Fill parcel needs a scan layer</translation>
    </message>
    <message>
        <source>No enclosed area of the scan here (on a line, or outside the sheet frame)</source>
        <translation>No enclosed area of the scan here (on a line, or outside the sheet frame)</translation>
    </message>
    <message>
        <source>Fill parcel</source>
        <translation>Fill parcel</translation>
    </message>
    <message>
        <source>Check the filled parcel: %1</source>
        <translation>Check the filled parcel: %1</translation>
    </message>
    <message>
        <source>Parcel filled from the scan</source>
        <translation>Parcel filled from the scan</translation>
    </message>
</context>
<context>
    <name>vnland::app::Document</name>
    <message>
        <source>%1: file not found</source>
        <translation>%1: file not found</translation>
    </message>
    <message>
        <source>Sheet %1 – 1:%2</source>
        <translation>Sheet %1 – 1:%2</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s) have no readable geometry and are not drawn</source>
        <translation>
            <numerusform>%n parcel has no readable geometry and is not drawn</numerusform>
            <numerusform>%n parcels have no readable geometry and are not drawn</numerusform>
        </translation>
    </message>
    <message>
        <source>sheet number</source>
        <translation>sheet number</translation>
    </message>
    <message>
        <source>parcel number</source>
        <translation>parcel number</translation>
    </message>
    <message>
        <source>land-use code</source>
        <translation>land-use code</translation>
    </message>
    <message>
        <source>land user</source>
        <translation>land user</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>legal area</source>
        <translation>legal area</translation>
    </message>
    <message>
        <source>No parcel selected</source>
        <translation>No parcel selected</translation>
    </message>
    <message>
        <source>The sheet number is required</source>
        <translation>The sheet number is required</translation>
    </message>
    <message>
        <source>The parcel number is required</source>
        <translation>The parcel number is required</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 1 to 99999</source>
        <translation>%1 must be a whole number from 1 to 99999</translation>
    </message>
    <message>
        <source>Sheet %1 already has parcel %2</source>
        <translation>Sheet %1 already has parcel %2</translation>
    </message>
    <message>
        <source>Unknown land-use code %1</source>
        <translation>Unknown land-use code %1</translation>
    </message>
    <message>
        <source>The land user name is too long (at most 200 characters)</source>
        <translation>The land user name is too long (at most 200 characters)</translation>
    </message>
    <message>
        <source>The address is too long (at most 300 characters)</source>
        <translation>The address is too long (at most 300 characters)</translation>
    </message>
    <message>
        <source>The legal area must be a number of square metres</source>
        <translation>The legal area must be a number of square metres</translation>
    </message>
    <message>
        <source>The legal area must be greater than 0 and at most 100 000 000 m²</source>
        <translation>The legal area must be greater than 0 and at most 100 000 000 m²</translation>
    </message>
    <message>
        <source>Parcel %1 no longer exists</source>
        <translation>Parcel %1 no longer exists</translation>
    </message>
    <message>
        <source>Could not save the change to %1: %2</source>
        <translation>Could not save the change to %1: %2</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>Opening %1 was cancelled</translation>
    </message>
</context>
<context>
    <name>vnland::app::GeometryEdit</name>
    <message>
        <source>%1 could not be redone: %2</source>
        <translation>%1 could not be redone: %2</translation>
    </message>
    <message>
        <source>%1 could not be undone: %2</source>
        <translation>%1 could not be undone: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::GeorefWindow</name>
    <message>
        <source>Linear (shift and scale)</source>
        <translation>Linear (shift and scale)</translation>
    </message>
    <message>
        <source>Helmert</source>
        <translation>Helmert</translation>
    </message>
    <message>
        <source>Affine (polynomial 1)</source>
        <translation>Affine (polynomial 1)</translation>
    </message>
    <message>
        <source>Polynomial 2</source>
        <translation>Polynomial 2</translation>
    </message>
    <message>
        <source>Polynomial 3</source>
        <translation>Polynomial 3</translation>
    </message>
    <message>
        <source>Thin plate spline</source>
        <translation>Thin plate spline</translation>
    </message>
    <message>
        <source>Projective</source>
        <translation>Projective</translation>
    </message>
    <message>
        <source>Georeference scanned map</source>
        <translation>Georeference scanned map</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>e.g. 322500-5-d</source>
        <translation>e.g. 322500-5-d</translation>
    </message>
    <message>
        <source>Transform:</source>
        <translation>Transform:</translation>
    </message>
    <message>
        <source>Map scale:</source>
        <translation>Map scale:</translation>
    </message>
    <message>
        <source>Map sheet:</source>
        <translation>Map sheet:</translation>
    </message>
    <message>
        <source>Georeferencing</source>
        <translation>Georeferencing</translation>
    </message>
    <message>
        <source>Open scan…</source>
        <translation>Open scan…</translation>
    </message>
    <message>
        <source>Load .points…</source>
        <translation>Load .points…</translation>
    </message>
    <message>
        <source>Save .points…</source>
        <translation>Save .points…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Delete point</translation>
    </message>
    <message>
        <source>Detect grid crosses</source>
        <translation>Detect grid crosses</translation>
    </message>
    <message>
        <source>Pick on main map</source>
        <translation>Pick on main map</translation>
    </message>
    <message>
        <source>Click on the main map to set the map coordinate of the selected point</source>
        <translation>Click on the main map to set the map coordinate of the selected point</translation>
    </message>
    <message>
        <source>Preview on map</source>
        <translation>Preview on map</translation>
    </message>
    <message>
        <source>Warp…</source>
        <translation>Warp…</translation>
    </message>
    <message>
        <source>Pixel %1, %2</source>
        <translation>Pixel %1, %2</translation>
    </message>
    <message>
        <source>  →  X %1  Y %2</source>
        <translation>  →  X %1  Y %2</translation>
    </message>
    <message>
        <source>Georeference scanned map – %1</source>
        <translation>Georeference scanned map – %1</translation>
    </message>
    <message>
        <source>Add point %1</source>
        <translation>Add point %1</translation>
    </message>
    <message>
        <source>Move point %1</source>
        <translation>Move point %1</translation>
    </message>
    <message>
        <source>Map coordinate of point %1</source>
        <translation>Map coordinate of point %1</translation>
    </message>
    <message>
        <source>Enable point</source>
        <translation>Enable point</translation>
    </message>
    <message>
        <source>Disable point</source>
        <translation>Disable point</translation>
    </message>
    <message>
        <source>Delete point %1</source>
        <translation>Delete point %1</translation>
    </message>
    <message>
        <source>Mean error: – (%1 of %2 points needed enabled; %3)</source>
        <translation>Mean error: – (%1 of %2 points needed enabled; %3)</translation>
    </message>
    <message>
        <source>Mean error %1 m (%2 px), largest %3 m, %4 points</source>
        <translation>Mean error %1 m (%2 px), largest %3 m, %4 points</translation>
    </message>
    <message>
        <source> — tolerance %1 m: %2</source>
        <translation> — tolerance %1 m: %2</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>exceeded</source>
        <translation>exceeded</translation>
    </message>
    <message>
        <source>Select a point in the table first</source>
        <translation>Select a point in the table first</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Load %1</translation>
    </message>
    <message>
        <source>Open scanned map</source>
        <translation>Open scanned map</translation>
    </message>
    <message>
        <source>Scans (*.png *.tif *.tiff *.jpg *.jpeg *.bmp);;All files (*)</source>
        <translation>Scans (*.png *.tif *.tiff *.jpg *.jpeg *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>Load ground control points</source>
        <translation>Load ground control points</translation>
    </message>
    <message>
        <source>QGIS GCP files (*.points);;All files (*)</source>
        <translation>QGIS GCP files (*.points);;All files (*)</translation>
    </message>
    <message>
        <source>Save ground control points</source>
        <translation>Save ground control points</translation>
    </message>
    <message>
        <source>QGIS GCP files (*.points)</source>
        <translation>QGIS GCP files (*.points)</translation>
    </message>
    <message>
        <source>Open a scanned map first</source>
        <translation>Open a scanned map first</translation>
    </message>
    <message>
        <source>Map sheet &apos;%1&apos;: %2</source>
        <translation>Map sheet &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Place at least two points with map coordinates (e.g. frame corners) first</source>
        <translation>Place at least two points with map coordinates (e.g. frame corners) first</translation>
    </message>
    <message>
        <source>%1 of %2 grid crosses found</source>
        <translation>%1 of %2 grid crosses found</translation>
    </message>
    <message>
        <source>Warp failed: %1</source>
        <translation>Warp failed: %1</translation>
    </message>
    <message>
        <source>Warp</source>
        <translation>Warp</translation>
    </message>
    <message>
        <source>The transform cannot be fitted: %1</source>
        <translation>The transform cannot be fitted: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Warp cancelled</source>
        <translation>Warp cancelled</translation>
    </message>
    <message>
        <source>The raster was written but could not be registered in the project: %1</source>
        <translation>The raster was written but could not be registered in the project: %1</translation>
    </message>
    <message>
        <source>Warped %1 → %2 (%3 × %4 px, %5 s)</source>
        <translation>Warped %1 → %2 (%3 × %4 px, %5 s)</translation>
    </message>
    <message>
        <source>The warped raster could not be added to the map</source>
        <translation>The warped raster could not be added to the map</translation>
    </message>
    <message>
        <source>Warp to GeoTIFF</source>
        <translation>Warp to GeoTIFF</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>“%1” is still running; wait until it has finished or cancel it.</source>
        <translation>“%1” is still running; wait until it has finished or cancel it.</translation>
    </message>
    <message>
        <source>No main window</source>
        <translation>No main window</translation>
    </message>
    <message>
        <source>Detecting grid crosses</source>
        <translation>Detecting grid crosses</translation>
    </message>
    <message>
        <source>Grid-cross detection cancelled; the points are unchanged.</source>
        <translation>Grid-cross detection cancelled; the points are unchanged.</translation>
    </message>
    <message>
        <source>Another scan was opened meanwhile; the crosses found are dropped.</source>
        <translation>Another scan was opened meanwhile; the crosses found are dropped.</translation>
    </message>
    <message>
        <source>Warping %1</source>
        <translation>Warping %1</translation>
    </message>
    <message>
        <source>The project was closed during the warp; %1 was written but not registered.</source>
        <translation>The project was closed during the warp; %1 was written but not registered.</translation>
    </message>
    <message>
        <source>from the project</source>
        <translation>from the project</translation>
    </message>
    <message>
        <source>Sheet number (tờ số) the vectorized parcels get; &quot;from the project&quot; takes it from the map sheet</source>
        <translation>Sheet number (tờ số) the vectorized parcels get; &quot;from the project&quot; takes it from the map sheet</translation>
    </message>
    <message>
        <source>Sheet number:</source>
        <translation>Sheet number:</translation>
    </message>
    <message>
        <source>Vectorize sheet</source>
        <translation>Vectorize sheet</translation>
    </message>
    <message>
        <source>Sheet %1 has no sheet number (tờ số) in this project: enter the sheet number and vectorize again.</source>
        <translation>Sheet %1 has no sheet number (tờ số) in this project: enter the sheet number and vectorize again.</translation>
    </message>
    <message numerus="yes">
        <source>The project has %n commune(s); the vectorized parcels need exactly one.</source>
        <translation>
            <numerusform>The project has %n commune; the vectorized parcels need exactly one.</numerusform>
            <numerusform>The project has %n communes; the vectorized parcels need exactly one.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ground control points are not in the project&apos;s coordinate system.</source>
        <translation>The ground control points are not in the project&apos;s coordinate system.</translation>
    </message>
    <message>
        <source>Open a project first: the vectorized parcels go into it</source>
        <translation>Open a project first: the vectorized parcels go into it</translation>
    </message>
    <message>
        <source>Vectorizing %1</source>
        <translation>Vectorizing %1</translation>
    </message>
    <message>
        <source>Vectorization cancelled; the project is unchanged.</source>
        <translation>Vectorization cancelled; the project is unchanged.</translation>
    </message>
    <message>
        <source>Vectorize sheet: %1</source>
        <translation>Vectorize sheet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate parcel(s) added to sheet %1 for review.</source>
        <translation>
            <numerusform>%n candidate parcel added to sheet %1 for review.</numerusform>
            <numerusform>%n candidate parcels added to sheet %1 for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have reasons to look at.</source>
        <translation>
            <numerusform>%n of them has reasons to look at.</numerusform>
            <numerusform>%n of them have reasons to look at.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::app::ImportDialog</name>
    <message>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>Source file:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Stop and list them (nothing is imported)</source>
        <translation>Stop and list them (nothing is imported)</translation>
    </message>
    <message>
        <source>Update them from the file (old values kept in the change log)</source>
        <translation>Update them from the file (old values kept in the change log)</translation>
    </message>
    <message>
        <source>Keep them as they are, import only the new ones</source>
        <translation>Keep them as they are, import only the new ones</translation>
    </message>
    <message>
        <source>Import them as well, flagged as duplicate numbers</source>
        <translation>Import them as well, flagged as duplicate numbers</translation>
    </message>
    <message>
        <source>Parcels already in the project:</source>
        <translation>Parcels already in the project:</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>Text encoding:</translation>
    </message>
    <message>
        <source>from the file (.prj); or EPSG code, province name, WKT</source>
        <translation>from the file (.prj); or EPSG code, province name, WKT</translation>
    </message>
    <message>
        <source>Source CRS:</source>
        <translation>Source CRS:</translation>
    </message>
    <message>
        <source>detected automatically; or a mapping JSON file</source>
        <translation>detected automatically; or a mapping JSON file</translation>
    </message>
    <message>
        <source>Field mapping:</source>
        <translation>Field mapping:</translation>
    </message>
    <message>
        <source>Decoded sample text:</source>
        <translation>Decoded sample text:</translation>
    </message>
    <message>
        <source>Field mapping preview (first feature):</source>
        <translation>Field mapping preview (first feature):</translation>
    </message>
    <message>
        <source>VNLand field</source>
        <translation>VNLand field</translation>
    </message>
    <message>
        <source>Source field</source>
        <translation>Source field</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Sample value</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.tab *.mif *.dxf *.gdb *.zip);;All files (*)</source>
        <translation>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.tab *.mif *.dxf *.gdb *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 as vector data: %2</source>
        <translation>Cannot read %1 as vector data: %2</translation>
    </message>
    <message>
        <source>Automatic (text is plain ASCII)</source>
        <translation>Automatic (text is plain ASCII)</translation>
    </message>
    <message>
        <source>Automatic (detected: %1, %2 %)</source>
        <translation>Automatic (detected: %1, %2 %)</translation>
    </message>
    <message>
        <source>no CRS in the file</source>
        <translation>no CRS in the file</translation>
    </message>
    <message>
        <source>%1, layer %2: %3 features, %4 fields; %5</source>
        <translation>%1, layer %2: %3 features, %4 fields; %5</translation>
    </message>
    <message>
        <source>mapping: %1</source>
        <translation>mapping: %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::IssueStatusCommand</name>
    <message>
        <source>issue %1 is not in the project</source>
        <translation>issue %1 is not in the project</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
</context>
<context>
    <name>vnland::app::MainWindow</name>
    <message>
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>Map sheet frames</source>
        <translation>Map sheet frames</translation>
    </message>
    <message>
        <source>Coordinate grid</source>
        <translation>Coordinate grid</translation>
    </message>
    <message>
        <source>Parcel labels</source>
        <translation>Parcel labels</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>&amp;Full extent</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Pan</translation>
    </message>
    <message>
        <source>Select by &amp;box</source>
        <translation>Select by &amp;box</translation>
    </message>
    <message>
        <source>&amp;Zoom box</source>
        <translation>&amp;Zoom box</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>&amp;Identify</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About VNLand</source>
        <translation>&amp;About VNLand</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Cannot open project: %1</source>
        <translation>Cannot open project: %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Cannot open the project.

%1</source>
        <translation>Cannot open the project.

%1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>No WGS84 coordinates: %1</source>
        <translation>No WGS84 coordinates: %1</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n parcel(s)</source>
        <translation>
            <numerusform>Opened %1: %n parcel</numerusform>
            <numerusform>Opened %1: %n parcels</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – VNLand</source>
        <translation>%1 – VNLand</translation>
    </message>
    <message>
        <source>VNLand</source>
        <translation>VNLand</translation>
    </message>
    <message>
        <source>X (north) %1  Y (east) %2</source>
        <translation>X (north) %1  Y (east) %2</translation>
    </message>
    <message>
        <source>WGS84 %1 %2</source>
        <translation>WGS84 %1 %2</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <source>Identify: no parcel here</source>
        <translation>Identify: no parcel here</translation>
    </message>
    <message>
        <source>Parcel %1, sheet %2: %3, %4 m², %5, %6</source>
        <translation>Parcel %1, sheet %2: %3, %4 m², %5, %6</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite *.vnland);;All files (*)</source>
        <translation>VNLand projects (*.sqlite *.vnland);;All files (*)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite)</source>
        <translation>VNLand projects (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot save the project.

%1</source>
        <translation>Cannot save the project.

%1</translation>
    </message>
    <message>
        <source>About VNLand</source>
        <translation>About VNLand</translation>
    </message>
    <message>
        <source>&lt;b&gt;VNLand %1&lt;/b&gt;&lt;p&gt;Cadastral map editing and land database for Vietnamese land offices (VN-2000).&lt;/p&gt;</source>
        <translation>&lt;b&gt;VNLand %1&lt;/b&gt;&lt;p&gt;Cadastral map editing and land database for Vietnamese land offices (VN-2000).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add &amp;raster layer…</source>
        <translation>Add &amp;raster layer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cannot add raster layer: %1</source>
        <translation>Cannot add raster layer: %1</translation>
    </message>
    <message>
        <source>Add raster layer</source>
        <translation>Add raster layer</translation>
    </message>
    <message numerus="yes">
        <source>Raster layer %1: %2 × %3 pixels, %n overview level(s)</source>
        <translation>
            <numerusform>Raster layer %1: %2 × %3 pixels, %n overview level</numerusform>
            <numerusform>Raster layer %1: %2 × %3 pixels, %n overview levels</numerusform>
        </translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.vrt *.jpg *.png *.ecw *.jp2);;All files (*)</source>
        <translation>Rasters (*.tif *.tiff *.vrt *.jpg *.png *.ecw *.jp2);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>&amp;Import data…</translation>
    </message>
    <message>
        <source>&amp;Export data…</source>
        <translation>&amp;Export data…</translation>
    </message>
    <message>
        <source>Land-database &amp;server (check out / check in)…</source>
        <translation>Land-database &amp;server (check out / check in)…</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation>Nothing was imported.

%1</translation>
    </message>
    <message>
        <source>Imported %1: %2 of %3 features, %4 rejected, %5 flagged (encoding %6, mapping %7)</source>
        <translation>Imported %1: %2 of %3 features, %4 rejected, %5 flagged (encoding %6, mapping %7)</translation>
    </message>
    <message>
        <source>  rejected %1 FID %2: %3</source>
        <translation>  rejected %1 FID %2: %3</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Export data</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n parcel(s) to %1 (%2)</source>
        <translation>
            <numerusform>Exported %n parcel to %1 (%2)</numerusform>
            <numerusform>Exported %n parcels to %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>Cannot save the project: %1</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>&amp;Survey</source>
        <translation>&amp;Survey</translation>
    </message>
    <message>
        <source>&amp;COGO traverse…</source>
        <translation>&amp;COGO traverse…</translation>
    </message>
    <message>
        <source>Select the parcel(s) to extract on the map or in the attribute table first.</source>
        <translation>Select the parcel(s) to extract on the map or in the attribute table first.</translation>
    </message>
    <message>
        <source>COGO traverse: stored %1 point(s) and %2 leg(s) in the survey layer</source>
        <translation>COGO traverse: stored %1 point(s) and %2 leg(s) in the survey layer</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>The editor did not close normally last time. Restore the undo history and the parcel being drawn?

Every finished edit is already in the project; without the journal only the drawing in progress and the undo history are lost.</source>
        <translation>The editor did not close normally last time. Restore the undo history and the parcel being drawn?

Every finished edit is already in the project; without the journal only the drawing in progress and the undo history are lost.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n step(s) of undo history from the journal</source>
        <translation>
            <numerusform>Restored %n step of undo history from the journal</numerusform>
            <numerusform>Restored %n steps of undo history from the journal</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>&amp;Georeference scanned map…</source>
        <translation>&amp;Georeference scanned map…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>Opening was cancelled.</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Cancel: %1</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <source>Import not started: %1</source>
        <translation>Import not started: %1</translation>
    </message>
    <message>
        <source>Import of %1 cancelled: nothing was imported.</source>
        <translation>Import of %1 cancelled: nothing was imported.</translation>
    </message>
    <message>
        <source>The project could not be reopened after the import.</source>
        <translation>The project could not be reopened after the import.</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Exporting to %1</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>Cannot write in %1: %2</translation>
    </message>
    <message>
        <source>Cannot move the export to %1</source>
        <translation>Cannot move the export to %1</translation>
    </message>
    <message>
        <source>Export to %1 cancelled: the file was not written.</source>
        <translation>Export to %1 cancelled: the file was not written.</translation>
    </message>
    <message>
        <source>Export not started: %1</source>
        <translation>Export not started: %1</translation>
    </message>
    <message>
        <source>Parcel register…</source>
        <translation>Parcel register…</translation>
    </message>
    <message>
        <source>Summary table…</source>
        <translation>Summary table…</translation>
    </message>
    <message>
        <source>Land statistics…</source>
        <translation>Land statistics…</translation>
    </message>
    <message>
        <source>Parcel extract…</source>
        <translation>Parcel extract…</translation>
    </message>
    <message>
        <source>Validation report…</source>
        <translation>Validation report…</translation>
    </message>
    <message>
        <source>Review candidates</source>
        <translation>Review candidates</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s raster layers: %1</source>
        <translation>Cannot read the project&apos;s raster layers: %1</translation>
    </message>
    <message>
        <source>Raster layer %1 is registered in the project but its file %2 is missing</source>
        <translation>Raster layer %1 is registered in the project but its file %2 is missing</translation>
    </message>
</context>
<context>
    <name>vnland::app::NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Project file:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Province (before 2025):</source>
        <translation>Province (before 2025):</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>Coordinate system:</translation>
    </message>
    <message>
        <source>5-digit GSO code, e.g. 07192</source>
        <translation>5-digit GSO code, e.g. 07192</translation>
    </message>
    <message>
        <source>Commune code:</source>
        <translation>Commune code:</translation>
    </message>
    <message>
        <source>Commune name:</source>
        <translation>Commune name:</translation>
    </message>
    <message>
        <source>Default scale:</source>
        <translation>Default scale:</translation>
    </message>
    <message>
        <source>VNLand projects (*.sqlite)</source>
        <translation>VNLand projects (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 (EPSG:%2), central meridian %3</source>
        <translation>%1 (EPSG:%2), central meridian %3</translation>
    </message>
    <message>
        <source>Choose where to save the project file.</source>
        <translation>Choose where to save the project file.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file name.</source>
        <translation>%1 already exists; choose another file name.</translation>
    </message>
    <message>
        <source>The commune code has 5 digits.</source>
        <translation>The commune code has 5 digits.</translation>
    </message>
    <message>
        <source>Choose a province.</source>
        <translation>Choose a province.</translation>
    </message>
    <message>
        <source>Cannot create the project: %1</source>
        <translation>Cannot create the project: %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ParcelForm</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Sheet number (tờ):</source>
        <translation>Sheet number (tờ):</translation>
    </message>
    <message>
        <source>Parcel number (thửa):</source>
        <translation>Parcel number (thửa):</translation>
    </message>
    <message>
        <source>Land-use code:</source>
        <translation>Land-use code:</translation>
    </message>
    <message>
        <source>Land user:</source>
        <translation>Land user:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Legal area (m²):</source>
        <translation>Legal area (m²):</translation>
    </message>
    <message>
        <source>Measured area (m²):</source>
        <translation>Measured area (m²):</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message numerus="yes">
        <source>%n parcels selected; select one parcel to edit it.</source>
        <translation>
            <numerusform>%n parcel selected; select one parcel to edit it.</numerusform>
            <numerusform>%n parcels selected; select one parcel to edit it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a parcel on the map or in the table.</source>
        <translation>Select a parcel on the map or in the table.</translation>
    </message>
    <message>
        <source>Parcel %1, sheet %2 (commune %3)</source>
        <translation>Parcel %1, sheet %2 (commune %3)</translation>
    </message>
    <message>
        <source>%1 – unknown code</source>
        <translation>%1 – unknown code</translation>
    </message>
    <message>
        <source>Edit parcel %1</source>
        <translation>Edit parcel %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ParcelTableModel</name>
    <message>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <source>Land-use code</source>
        <translation>Land-use code</translation>
    </message>
    <message>
        <source>Measured area (m²)</source>
        <translation>Measured area (m²)</translation>
    </message>
    <message>
        <source>Legal area (m²)</source>
        <translation>Legal area (m²)</translation>
    </message>
    <message>
        <source>Land user</source>
        <translation>Land user</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Commune code</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>vnland::app::ReportDialog</name>
    <message>
        <source>2018 land-use list</source>
        <translation>2018 land-use list</translation>
    </message>
    <message>
        <source>2024 land-use list</source>
        <translation>2024 land-use list</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Land-use list:</source>
        <translation>Land-use list:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Parcel register</source>
        <translation>Parcel register</translation>
    </message>
    <message>
        <source>Summary table</source>
        <translation>Summary table</translation>
    </message>
    <message>
        <source>Land statistics</source>
        <translation>Land statistics</translation>
    </message>
    <message>
        <source>Parcel extract</source>
        <translation>Parcel extract</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>Validation report</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>The land statistics do not add up; the report cannot be saved until the data are corrected:</source>
        <translation>The land statistics do not add up; the report cannot be saved until the data are corrected:</translation>
    </message>
    <message numerus="yes">
        <source>%n identity check(s) failed.</source>
        <translation>
            <numerusform>%n identity check failed.</numerusform>
            <numerusform>%n identity checks failed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot prepare the report: %1</source>
        <translation>Cannot prepare the report: %1</translation>
    </message>
    <message>
        <source>The project has no validation results; run the validation first.</source>
        <translation>The project has no validation results; run the validation first.</translation>
    </message>
    <message>
        <source>No parcel matches the report.</source>
        <translation>No parcel matches the report.</translation>
    </message>
    <message>
        <source>%1 table(s), %2 row(s).</source>
        <translation>%1 table(s), %2 row(s).</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Cannot save the report: %1</source>
        <translation>Cannot save the report: %1</translation>
    </message>
    <message>
        <source>Preparing %1</source>
        <translation>Preparing %1</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Writing %1</translation>
    </message>
</context>
<context>
    <name>vnland::app::ReviewPanel</name>
    <message>
        <source>Sheet / parcel</source>
        <translation>Sheet / parcel</translation>
    </message>
    <message>
        <source>Land-use code</source>
        <translation>Land-use code</translation>
    </message>
    <message>
        <source>Printed area (m²)</source>
        <translation>Printed area (m²)</translation>
    </message>
    <message>
        <source>Why to look</source>
        <translation>Why to look</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>The selected candidates become ordinary parcels</source>
        <translation>The selected candidates become ordinary parcels</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>The selected candidates are removed from the project</source>
        <translation>The selected candidates are removed from the project</translation>
    </message>
    <message>
        <source>Accept all &amp;without reasons</source>
        <translation>Accept all &amp;without reasons</translation>
    </message>
    <message>
        <source>No candidates to review.</source>
        <translation>No candidates to review.</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>No project is open</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) to review.</source>
        <translation>
            <numerusform>%n candidate to review.</numerusform>
            <numerusform>%n candidates to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them have reasons to look at.</source>
        <translation>
            <numerusform>%n of them has reasons to look at.</numerusform>
            <numerusform>%n of them have reasons to look at.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::app::ScanFaces</name>
    <message>
        <source>No georeferenced scan here: Fill parcel works on a scan layer (Layer ▸ Add raster layer, or warp a scan)</source>
        <translation>No georeferenced scan here: Fill parcel works on a scan layer (Layer ▸ Add raster layer, or warp a scan)</translation>
    </message>
    <message>
        <source>Reading the lines of %1 for Fill parcel; click again when it is done</source>
        <translation>Reading the lines of %1 for Fill parcel; click again when it is done</translation>
    </message>
    <message>
        <source>Open a project first</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <source>%1 lies on no map sheet of scale 1:%2</source>
        <translation>%1 lies on no map sheet of scale 1:%2</translation>
    </message>
    <message>
        <source>Reading the lines of %1</source>
        <translation>Reading the lines of %1</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled</source>
        <translation>Reading %1 was cancelled</translation>
    </message>
</context>
<context>
    <name>vnland::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>A new language takes effect when VNLand is started again.</source>
        <translation>A new language takes effect when VNLand is started again.</translation>
    </message>
</context>
<context>
    <name>vnland::app::SyncDialog</name>
    <message>
        <source>Land-database server</source>
        <translation>Land-database server</translation>
    </message>
    <message>
        <source>postgresql://HOST/DATABASE or service=NAME; the password comes from the pgpass file, never from the project</source>
        <translation>postgresql://HOST/DATABASE or service=NAME; the password comes from the pgpass file, never from the project</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>Schema:</translation>
    </message>
    <message>
        <source>commune code, e.g. 07192</source>
        <translation>commune code, e.g. 07192</translation>
    </message>
    <message>
        <source>sheet serial, or sheet id without a commune; empty = whole commune</source>
        <translation>sheet serial, or sheet id without a commune; empty = whole commune</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Work project</source>
        <translation>Work project</translation>
    </message>
    <message>
        <source>VNLand project (*.sqlite)</source>
        <translation>VNLand project (*.sqlite)</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <source>Map sheet:</source>
        <translation>Map sheet:</translation>
    </message>
    <message>
        <source>Work project:</source>
        <translation>Work project:</translation>
    </message>
    <message>
        <source>Check out a map sheet or commune</source>
        <translation>Check out a map sheet or commune</translation>
    </message>
    <message>
        <source>Apply the parcels without conflict, leave the conflicting ones</source>
        <translation>Apply the parcels without conflict, leave the conflicting ones</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Check in (save the project first)</source>
        <translation>Check in (save the project first)</translation>
    </message>
    <message>
        <source>No server plugin found (vnland_postgis).</source>
        <translation>No server plugin found (vnland_postgis).</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Refused: see the conflicts above.</source>
        <translation>Refused: see the conflicts above.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <source>Give the connection, a commune or map sheet, and the work project file.</source>
        <translation>Give the connection, a commune or map sheet, and the work project file.</translation>
    </message>
    <message>
        <source>Checking out…</source>
        <translation>Checking out…</translation>
    </message>
    <message>
        <source>Give the work project to check in.</source>
        <translation>Give the work project to check in.</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Checking in…</translation>
    </message>
</context>
<context>
    <name>vnland::app::ValidationPanel</name>
    <message>
        <source>All rules</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validate</translation>
    </message>
    <message>
        <source>Re-validate changes</source>
        <translation>Re-validate changes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Count / measure</source>
        <translation>Count / measure</translation>
    </message>
    <message>
        <source>Fix issue</source>
        <translation>Fix issue</translation>
    </message>
    <message>
        <source>Fix all of rule</source>
        <translation>Fix all of rule</translation>
    </message>
    <message>
        <source>Mark as exception</source>
        <translation>Mark as exception</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Reason (kept with the issue):</source>
        <translation>Reason (kept with the issue):</translation>
    </message>
    <message>
        <source>Choose at least one rule.</source>
        <translation>Choose at least one rule.</translation>
    </message>
    <message>
        <source>No parcel has changed since the last validation.</source>
        <translation>No parcel has changed since the last validation.</translation>
    </message>
    <message numerus="yes">
        <source>Validating %n changed parcel(s) and their neighbours…</source>
        <translation>
            <numerusform>Validating %n changed parcel and its neighbours…</numerusform>
            <numerusform>Validating %n changed parcels and their neighbours…</numerusform>
        </translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Validating…</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>Validation cancelled.</translation>
    </message>
    <message>
        <source>Validation failed: %1</source>
        <translation>Validation failed: %1</translation>
    </message>
    <message>
        <source>The findings could not be stored: %1</source>
        <translation>The findings could not be stored: %1</translation>
    </message>
    <message>
        <source>Validation: %1</source>
        <translation>Validation: %1</translation>
    </message>
    <message>
        <source>Cannot read the issues: %1</source>
        <translation>Cannot read the issues: %1</translation>
    </message>
    <message>
        <source> [parcel id %1]</source>
        <translation> [parcel id %1]</translation>
    </message>
    <message>
        <source>[exception] %1</source>
        <translation>[exception] %1</translation>
    </message>
    <message>
        <source>Nothing to change: the automatic fix finds no edit for this.</source>
        <translation>Nothing to change: the automatic fix finds no edit for this.</translation>
    </message>
    <message>
        <source>Not fixed automatically: %1</source>
        <translation>Not fixed automatically: %1</translation>
    </message>
    <message>
        <source>This issue has no automatic fix.</source>
        <translation>This issue has no automatic fix.</translation>
    </message>
    <message>
        <source>Fix %1 (parcel id %2)</source>
        <translation>Fix %1 (parcel id %2)</translation>
    </message>
    <message>
        <source>This rule has no automatic fix.</source>
        <translation>This rule has no automatic fix.</translation>
    </message>
    <message>
        <source>Fix all %1</source>
        <translation>Fix all %1</translation>
    </message>
    <message>
        <source>Mark issue %1 as exception</source>
        <translation>Mark issue %1 as exception</translation>
    </message>
    <message>
        <source>Export issues</source>
        <translation>Export issues</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;CSV (*.csv);;JSON (*.json)</source>
        <translation>GeoJSON (*.geojson);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>Validating</translation>
    </message>
    <message>
        <source>Validation not started: %1</source>
        <translation>Validation not started: %1</translation>
    </message>
    <message>
        <source>A fix is already being planned; wait until it has finished.</source>
        <translation>A fix is already being planned; wait until it has finished.</translation>
    </message>
    <message>
        <source>Planning %1</source>
        <translation>Planning %1</translation>
    </message>
    <message>
        <source>The fix was cancelled; nothing was changed.</source>
        <translation>The fix was cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>The project was closed while the fix was planned.</source>
        <translation>The project was closed while the fix was planned.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation>Planning %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) on %1 parcel(s) examined in %2 s.</source>
        <translation>
            <numerusform>%n issue on %1 parcel(s) examined in %2 s.</numerusform>
            <numerusform>%n issues on %1 parcel(s) examined in %2 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n of them accepted as exception(s).</source>
        <translation>
            <numerusform>%1 %n of them accepted as exception.</numerusform>
            <numerusform>%1 %n of them accepted as exceptions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n exception(s)</source>
        <translation>
            <numerusform>%1 + %n exception</numerusform>
            <numerusform>%1 + %n exceptions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vnland::gui::GcpTableModel</name>
    <message>
        <source>Type the map coordinate of this point or pick it on the main map; it joins the fit then</source>
        <translation>Type the map coordinate of this point or pick it on the main map; it joins the fit then</translation>
    </message>
    <message>
        <source>Leave-one-out error %1 m: probably a blunder</source>
        <translation>Leave-one-out error %1 m: probably a blunder</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Column (px)</source>
        <translation>Column (px)</translation>
    </message>
    <message>
        <source>Row (px)</source>
        <translation>Row (px)</translation>
    </message>
    <message>
        <source>Y east (m)</source>
        <translation>Y east (m)</translation>
    </message>
    <message>
        <source>X north (m)</source>
        <translation>X north (m)</translation>
    </message>
    <message>
        <source>dY (m)</source>
        <translation>dY (m)</translation>
    </message>
    <message>
        <source>dX (m)</source>
        <translation>dX (m)</translation>
    </message>
    <message>
        <source>Residual (m)</source>
        <translation>Residual (m)</translation>
    </message>
</context>
<context>
    <name>vnland::gui::RasterLayer</name>
    <message>
        <source>cannot read the raster (%1)</source>
        <translation>cannot read the raster (%1)</translation>
    </message>
    <message>
        <source>the file has no raster bands</source>
        <translation>the file has no raster bands</translation>
    </message>
    <message>
        <source>the raster has no georeference; georeference the scan first</source>
        <translation>the raster has no georeference; georeference the scan first</translation>
    </message>
    <message>
        <source>the raster is rotated; warp it to the project CRS first</source>
        <translation>the raster is rotated; warp it to the project CRS first</translation>
    </message>
    <message>
        <source>the raster is in EPSG:%1, the project in EPSG:%2; warp it first</source>
        <translation>the raster is in EPSG:%1, the project in EPSG:%2; warp it first</translation>
    </message>
</context>
<context>
    <name>vnland::gui::ScanView</name>
    <message>
        <source>Open a scanned map to place ground control points</source>
        <translation>Open a scanned map to place ground control points</translation>
    </message>
</context>
<context>
    <name>vnland::gui::TaskRunner</name>
    <message>
        <source>The editor is closing.</source>
        <translation>The editor is closing.</translation>
    </message>
    <message>
        <source>“%1” is still writing to this project. Wait until it has finished or cancel it, then try again.</source>
        <translation>“%1” is still writing to this project. Wait until it has finished or cancel it, then try again.</translation>
    </message>
</context>
</TS>
